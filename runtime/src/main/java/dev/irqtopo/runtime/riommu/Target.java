package dev.irqtopo.runtime.riommu;

import dev.irqtopo.model.riscv.InterruptFile;
import java.util.Objects;

/** Something a device can make pending: an identity in an interrupt file, or a pending bit in an MRIF. */
public sealed interface Target extends Comparable<Target> permits Target.FileIdentity, Target.MrifBit {

    /** {@code file} or {@code mrif}. */
    String kind();

    /** Identity {@code identity} of interrupt file {@code file}. */
    record FileIdentity(InterruptFile file, int identity) implements Target {
        public FileIdentity {
            Objects.requireNonNull(file);
        }

        @Override
        public String kind() {
            return "file";
        }

        @Override
        public int compareTo(Target other) {
            if (other instanceof FileIdentity o) {
                int c = file.compareTo(o.file);
                return c != 0 ? c : Integer.compare(identity, o.identity);
            }
            return -1;
        }
    }

    /** The pending bit of identity {@code identity} (0..2047) in the MRIF at {@code mrif}. */
    record MrifBit(long mrif, int identity) implements Target {
        @Override
        public String kind() {
            return "mrif";
        }

        @Override
        public int compareTo(Target other) {
            if (other instanceof MrifBit o) {
                int c = Long.compareUnsigned(mrif, o.mrif);
                return c != 0 ? c : Integer.compare(identity, o.identity);
            }
            return 1;
        }
    }
}
