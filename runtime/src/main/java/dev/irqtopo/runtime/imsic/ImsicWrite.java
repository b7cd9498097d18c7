package dev.irqtopo.runtime.imsic;

import dev.irqtopo.model.riscv.InterruptFile;
import java.util.Objects;
import java.util.Optional;

/** What one physical write did at the IMSICs: exactly one outcome, each with a stable word. */
public sealed interface ImsicWrite permits ImsicWrite.Pending, ImsicWrite.Ignored, ImsicWrite.MemoryWrite {

    /** {@code pending}, {@code ignored} or {@code memory_write}. */
    String outcome();

    /** The interrupt file the page belongs to, if any. */
    default Optional<InterruptFile> file() {
        return Optional.empty();
    }

    /** Identity {@code identity} of {@code file} became pending. */
    record Pending(InterruptFile target, int identity) implements ImsicWrite {
        public Pending {
            Objects.requireNonNull(target);
        }

        @Override
        public String outcome() {
            return "pending";
        }

        @Override
        public Optional<InterruptFile> file() {
            return Optional.of(target);
        }
    }

    /** The write reached an IMSIC page, whose file (if the page has one) ignored it. */
    record Ignored(long page, Optional<InterruptFile> target, ImsicIgnoreReason reason) implements ImsicWrite {
        public Ignored {
            Objects.requireNonNull(target);
            Objects.requireNonNull(reason);
        }

        @Override
        public String outcome() {
            return "ignored";
        }

        @Override
        public Optional<InterruptFile> file() {
            return target;
        }
    }

    /** No IMSIC page: an ordinary memory write. */
    record MemoryWrite(long address) implements ImsicWrite {
        @Override
        public String outcome() {
            return "memory_write";
        }
    }
}
