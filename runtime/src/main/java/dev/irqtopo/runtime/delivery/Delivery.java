package dev.irqtopo.runtime.delivery;

import dev.irqtopo.runtime.message.DeliveryMode;
import dev.irqtopo.runtime.remap.FaultReason;
import dev.irqtopo.runtime.vector.VectorDomain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What happened when a device emitted a message: exactly one outcome. Values are immutable; outcomes
 * that name no interrupt are shared instances, and firing a slot hands out the one delivery computed
 * for the platform's current state, so firing allocates nothing.
 */
public sealed interface Delivery permits Delivery.NotSent, Delivery.MemoryWrite, Delivery.Fault, Delivery.Delivered,
        Delivery.Special, Delivery.Spurious, Delivery.Broadcast, Delivery.Multicast {

    /**
     * The word the JSON output uses: {@code not_sent}, {@code memory_write}, {@code fault},
     * {@code delivered}, {@code spurious}, {@code broadcast}, {@code multicast}.
     */
    String outcome();

    /** The delivery mode the interrupt was delivered in; empty when nothing reached a CPU's interrupt logic. */
    default Optional<DeliveryMode> deliveryMode() {
        return Optional.empty();
    }

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
     * The interrupt reached the handler that owns it, in fixed mode: for a host interrupt the host CPU
     * and vector; for one injected or posted into a guest, the guest's vCPU, guest vector and guest virq.
     */
    record Delivered(String kernel, int cpu, int vector, int virq) implements Delivery {
        public Delivered {
            Objects.requireNonNull(kernel);
        }

        @Override
        public String outcome() {
            return "delivered";
        }

        @Override
        public Optional<DeliveryMode> deliveryMode() {
            return Optional.of(DeliveryMode.FIXED);
        }
    }

    /**
     * An SMI, NMI, INIT or ExtINT reached host CPU {@code cpu}: no vector and no handler of a device
     * interrupt, the CPU itself acts on it. It is reported as {@code delivered} to the host.
     */
    record Special(int cpu, DeliveryMode mode) implements Delivery {
        public Special {
            Objects.requireNonNull(mode);
            if (!mode.isSpecial()) {
                throw new IllegalArgumentException("fixed is not a special delivery mode");
            }
        }

        /** Special modes reach host CPUs only. */
        public String kernel() {
            return VectorDomain.HOST;
        }

        @Override
        public String outcome() {
            return "delivered";
        }

        @Override
        public Optional<DeliveryMode> deliveryMode() {
            return Optional.of(mode);
        }
    }

    /**
     * The interrupt reached nobody's handler: a vector on host CPU {@code cpu} that no handler owns (a
     * vector below 0x10 is an illegal vector on that CPU); or, with {@code cpu} empty, a destination no
     * CPU has. {@code vector} is empty for a special mode, which has none.
     */
    record Spurious(OptionalInt cpu, OptionalInt vector, DeliveryMode mode) implements Delivery {
        public Spurious {
            Objects.requireNonNull(cpu);
            Objects.requireNonNull(vector);
            Objects.requireNonNull(mode);
            if (vector.isPresent() == mode.isSpecial()) {
                throw new IllegalArgumentException("a vector exactly when the mode is fixed");
            }
        }

        /** A fixed-mode vector nobody owns. */
        public Spurious(OptionalInt cpu, int vector) {
            this(cpu, OptionalInt.of(vector), DeliveryMode.FIXED);
        }

        @Override
        public String outcome() {
            return "spurious";
        }

        @Override
        public Optional<DeliveryMode> deliveryMode() {
            return Optional.of(mode);
        }
    }

    /**
     * A compatibility-format message to destination 0xFF: it reaches every host CPU. In fixed mode each
     * CPU's owner of {@code vector} runs (a forwarded vector injects into its guest); in a special
     * mode every host CPU takes it and {@code vector} is empty.
     */
    record Broadcast(OptionalInt vector, DeliveryMode mode) implements Delivery {
        public Broadcast {
            Objects.requireNonNull(vector);
            Objects.requireNonNull(mode);
            if (vector.isPresent() == mode.isSpecial()) {
                throw new IllegalArgumentException("a vector exactly when the mode is fixed");
            }
        }

        /** {@code "host"} for a special mode, whose every receiver is a host CPU; empty for a fixed vector. */
        public Optional<String> kernel() {
            return mode.isSpecial() ? Optional.of(VectorDomain.HOST) : Optional.empty();
        }

        @Override
        public String outcome() {
            return "broadcast";
        }

        @Override
        public Optional<DeliveryMode> deliveryMode() {
            return Optional.of(mode);
        }
    }

    /**
     * A logical destination that names several host CPUs: each of them takes the interrupt. In fixed
     * mode each CPU's owner of {@code vector} runs (a forwarded vector injects into its guest); in a
     * special mode every CPU named takes it and {@code vector} is empty. {@code deliveries} holds what
     * happened on each CPU, in increasing host CPU order: a {@link Delivered}, {@link Spurious} or
     * {@link Special} per CPU.
     */
    record Multicast(OptionalInt vector, DeliveryMode mode, List<Delivery> deliveries) implements Delivery {
        public Multicast {
            Objects.requireNonNull(vector);
            Objects.requireNonNull(mode);
            deliveries = List.copyOf(deliveries);
            if (vector.isPresent() == mode.isSpecial()) {
                throw new IllegalArgumentException("a vector exactly when the mode is fixed");
            }
            if (deliveries.size() < 2) {
                throw new IllegalArgumentException("a multicast reaches at least two CPUs, not " + deliveries.size());
            }
            for (Delivery each : deliveries) {
                if (!(each instanceof Delivered || each instanceof Spurious || each instanceof Special)) {
                    throw new IllegalArgumentException("a CPU of a multicast takes it or finds no owner, not " + each);
                }
            }
        }

        /** {@code "host"} for a special mode, whose every receiver is a host CPU; empty for a fixed vector. */
        public Optional<String> kernel() {
            return mode.isSpecial() ? Optional.of(VectorDomain.HOST) : Optional.empty();
        }

        @Override
        public String outcome() {
            return "multicast";
        }

        @Override
        public Optional<DeliveryMode> deliveryMode() {
            return Optional.of(mode);
        }
    }
}
