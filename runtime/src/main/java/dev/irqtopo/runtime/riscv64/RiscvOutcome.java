package dev.irqtopo.runtime.riscv64;

import dev.irqtopo.runtime.riommu.DeviceWrite;
import java.util.Objects;
import java.util.Optional;

/** What firing a slot did: nothing sent, or the device's write and, if something became pending, who took it. */
public sealed interface RiscvOutcome permits RiscvOutcome.NotSentAtAll, RiscvOutcome.Written {

    /** {@code not_sent}, or the device write's outcome word ({@code pending}, {@code fault}, {@code mrif_recorded}, …). */
    String outcome();

    record NotSentAtAll(NotSent reason) implements RiscvOutcome {
        public NotSentAtAll {
            Objects.requireNonNull(reason);
        }

        @Override
        public String outcome() {
            return "not_sent";
        }
    }

    /**
     * The device wrote; {@code taken} is who takes the identity that became pending (for an MRIF, the
     * notice's).
     */
    record Written(DeviceWrite write, Optional<Taken> taken) implements RiscvOutcome {
        public Written {
            Objects.requireNonNull(write);
            Objects.requireNonNull(taken);
        }

        @Override
        public String outcome() {
            return write.outcome();
        }
    }
}
