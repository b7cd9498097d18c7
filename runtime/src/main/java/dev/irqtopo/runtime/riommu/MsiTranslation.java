package dev.irqtopo.runtime.riommu;

import java.util.Objects;

/** What the MSI translation made of one guest physical address: exactly one outcome, each with a stable word. */
public sealed interface MsiTranslation permits MsiTranslation.NotMsi, MsiTranslation.Translated, MsiTranslation.ToMrif,
        MsiTranslation.Fault {

    /** {@code not_msi}, {@code translated}, {@code mrif} or {@code fault}. */
    String outcome();

    /** Not an MSI page (or MSI translation off): the regular second stage handles the access. */
    record NotMsi() implements MsiTranslation {
        @Override
        public String outcome() {
            return "not_msi";
        }
    }

    /** Basic translate mode: the access goes on to physical address {@code address}. */
    record Translated(long address) implements MsiTranslation {
        @Override
        public String outcome() {
            return "translated";
        }
    }

    /** MRIF mode: the MRIF at {@code mrif}, the notice MSI (NPPN·4096, {@code nid}). */
    record ToMrif(long mrif, long noticeAddress, int nid) implements MsiTranslation {
        @Override
        public String outcome() {
            return "mrif";
        }
    }

    /** The translation stopped with {@code fault}. */
    record Fault(MsiFault fault) implements MsiTranslation {
        public Fault {
            Objects.requireNonNull(fault);
        }

        @Override
        public String outcome() {
            return "fault";
        }
    }
}
