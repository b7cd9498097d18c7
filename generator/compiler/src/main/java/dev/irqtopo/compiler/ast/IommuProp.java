package dev.irqtopo.compiler.ast;

import dev.irqtopo.model.SourceCheck;
import dev.irqtopo.model.riscv.MsiTranslationMode;
import java.util.List;

/** A property of an {@code iommu} block. */
public sealed interface IommuProp extends Property {

    /** {@code remapping on|off;}; {@code word} is where {@code on} or {@code off} stands. */
    record Remapping(Pos at, boolean on, Pos word) implements IommuProp {
        @Override
        public String keyword() {
            return "remapping";
        }
    }

    /** {@code entries N;} */
    record Entries(Pos at, Num count) implements IommuProp {
        @Override
        public String keyword() {
            return "entries";
        }
    }

    /** {@code source_check full|bus|off;} (vtd only); {@code word} is where the value stands. */
    record SourceCheckProp(Pos at, SourceCheck value, Pos word) implements IommuProp {
        @Override
        public String keyword() {
            return "source_check";
        }
    }

    /** {@code compat blocked|allowed;} (vtd only); {@code word} is where the value stands. */
    record Compat(Pos at, boolean allowed, Pos word) implements IommuProp {
        @Override
        public String keyword() {
            return "compat";
        }
    }

    /** {@code posted on|off;} (vtd only) */
    record Posted(Pos at, boolean on) implements IommuProp {
        @Override
        public String keyword() {
            return "posted";
        }
    }

    /** {@code covers BUS, …;} */
    record Covers(Pos at, List<Name> buses) implements IommuProp {
        public Covers {
            buses = List.copyOf(buses);
        }

        @Override
        public String keyword() {
            return "covers";
        }
    }

    /** {@code msi off|flat|mrif;} (riscv): the device contexts' MSI translation; {@code word} is where the value stands. */
    record MsiTranslation(Pos at, MsiTranslationMode mode, Pos word) implements IommuProp {
        @Override
        public String keyword() {
            return "msi";
        }
    }
}
