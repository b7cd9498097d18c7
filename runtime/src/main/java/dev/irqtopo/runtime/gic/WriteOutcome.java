package dev.irqtopo.runtime.gic;

import java.util.Objects;
import java.util.Optional;

/** What one 32-bit write did on an arm64 platform: exactly one outcome, each with a stable word. */
public sealed interface WriteOutcome permits WriteOutcome.Delivered, WriteOutcome.Ignored, WriteOutcome.MemoryWrite {

    /** {@code delivered}, {@code ignored} or {@code memory_write}. */
    String outcome();

    /** The interrupt raised, if any. */
    default Optional<GicInterrupt> interrupt() {
        return Optional.empty();
    }

    static WriteOutcome memoryWrite() {
        return MemoryWrite.INSTANCE;
    }

    /** The doorbell of {@code unit} (an ITS or a v2m frame) raised {@code raised}. */
    record Delivered(String unit, GicInterrupt raised) implements WriteOutcome {
        public Delivered {
            Objects.requireNonNull(unit);
            Objects.requireNonNull(raised);
        }

        @Override
        public String outcome() {
            return "delivered";
        }

        @Override
        public Optional<GicInterrupt> interrupt() {
            return Optional.of(raised);
        }
    }

    /** The doorbell of {@code unit} ignored the write. */
    record Ignored(String unit, IgnoreReason reason) implements WriteOutcome {
        public Ignored {
            Objects.requireNonNull(unit);
            Objects.requireNonNull(reason);
        }

        @Override
        public String outcome() {
            return "ignored";
        }
    }

    /** The address is no doorbell: an ordinary memory write. */
    record MemoryWrite() implements WriteOutcome {
        static final MemoryWrite INSTANCE = new MemoryWrite();

        @Override
        public String outcome() {
            return "memory_write";
        }
    }
}
