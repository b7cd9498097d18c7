package dev.irqtopo.runtime;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What happened when a device emitted a message: exactly one outcome. Values are immutable and the
 * engine hands out shared instances, so firing a slot allocates nothing.
 */
public sealed interface Delivery
        permits Delivery.NotSent, Delivery.MemoryWrite, Delivery.Fault, Delivery.Delivered, Delivery.Spurious {

    /** The word the JSON output uses: {@code not_sent}, {@code memory_write}, {@code fault}, {@code delivered}, {@code spurious}. */
    String outcome();

    static Delivery notSent() {
        return NotSent.INSTANCE;
    }

    static Delivery memoryWrite() {
        return MemoryWrite.INSTANCE;
    }

    /** The slot was never written or is masked: nothing left the device. */
    record NotSent() implements Delivery {
        static final NotSent INSTANCE = new NotSent();

        @Override
        public String outcome() {
            return "not_sent";
        }
    }

    /** The address lies outside the interrupt range: a DMA write to memory, not an interrupt. */
    record MemoryWrite() implements Delivery {
        static final MemoryWrite INSTANCE = new MemoryWrite();

        @Override
        public String outcome() {
            return "memory_write";
        }
    }

    /** The remapping unit blocked the request. */
    record Fault(FaultReason reason) implements Delivery {
        public Fault {
            Objects.requireNonNull(reason);
        }

        /** {@code "0x26"} or {@code "IO_PAGE_FAULT"}. */
        public String faultReason() {
            return reason.code();
        }

        @Override
        public String outcome() {
            return "fault";
        }
    }

    /**
     * The interrupt reached the handler that owns it: for a host interrupt the host CPU and vector;
     * for one injected or posted into a guest, the guest's vCPU, guest vector and guest virq.
     */
    record Delivered(String kernel, int cpu, int vector, int virq) implements Delivery {
        public Delivered {
            Objects.requireNonNull(kernel);
        }

        @Override
        public String outcome() {
            return "delivered";
        }
    }

    /**
     * The interrupt reached a vector no handler owns: {@code cpu} is the host CPU it hit, or empty
     * when no CPU has the destination APIC ID and nobody received it.
     */
    record Spurious(OptionalInt cpu, int vector) implements Delivery {
        public Spurious {
            Objects.requireNonNull(cpu);
        }

        @Override
        public String outcome() {
            return "spurious";
        }
    }
}
