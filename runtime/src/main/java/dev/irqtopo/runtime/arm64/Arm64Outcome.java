package dev.irqtopo.runtime.arm64;

import dev.irqtopo.model.arm.Mpidr;
import dev.irqtopo.runtime.gic.GicInterrupt;
import dev.irqtopo.runtime.gic.IgnoreReason;
import java.util.Objects;

/** What one write of a device, or the firing of one slot, did on an arm64 platform; each with a stable word. */
public sealed interface Arm64Outcome permits Arm64Outcome.Delivered, Arm64Outcome.Ignored, Arm64Outcome.MemoryWrite,
        Arm64Outcome.SmmuFault, Arm64Outcome.Unowned, Arm64Outcome.NotSentAtAll {

    /** {@code delivered}, {@code ignored}, {@code memory_write}, {@code smmu_fault}, {@code unowned}, {@code not_sent}. */
    String outcome();

    /** How a delivered interrupt reached its handler. */
    enum Route {
        /** The host's own handler. */
        HOST,
        /** The host's handler signalled KVM, which injected the guest's message through the guest's virtual ITS. */
        IRQFD,
        /** The GICv4 ITS delivered the guest's LPI to the vCPU directly. */
        VLPI;

        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The handler of {@code kernel} ({@code host} or a guest) took INTID {@code intid} on its CPU
     * {@code cpu} (a guest's vCPU) as irq {@code virq}.
     */
    record Delivered(String kernel, int cpu, Mpidr mpidr, int intid, int virq, Route route) implements Arm64Outcome {
        public Delivered {
            Objects.requireNonNull(kernel);
            Objects.requireNonNull(mpidr);
            Objects.requireNonNull(route);
        }

        @Override
        public String outcome() {
            return "delivered";
        }
    }

    /** The doorbell of {@code unit} (an ITS, a frame, or a guest's virtual ITS) ignored the write. */
    record Ignored(String unit, IgnoreReason reason) implements Arm64Outcome {
        public Ignored {
            Objects.requireNonNull(unit);
            Objects.requireNonNull(reason);
        }

        @Override
        public String outcome() {
            return "ignored";
        }
    }

    /** No doorbell at that address: an ordinary memory write. */
    record MemoryWrite() implements Arm64Outcome {
        @Override
        public String outcome() {
            return "memory_write";
        }
    }

    /** The SMMU maps nothing at {@code address} for the device: a translation fault, the write aborted. */
    record SmmuFault(long address) implements Arm64Outcome {
        @Override
        public String outcome() {
            return "smmu_fault";
        }
    }

    /** {@code unit} raised {@code raised}, which no kernel allocated (a frame's SPI no driver owns). */
    record Unowned(String unit, GicInterrupt raised) implements Arm64Outcome {
        public Unowned {
            Objects.requireNonNull(unit);
            Objects.requireNonNull(raised);
        }

        @Override
        public String outcome() {
            return "unowned";
        }
    }

    /** Firing the slot sent nothing. */
    record NotSentAtAll(NotSent reason) implements Arm64Outcome {
        public NotSentAtAll {
            Objects.requireNonNull(reason);
        }

        @Override
        public String outcome() {
            return "not_sent";
        }
    }
}
