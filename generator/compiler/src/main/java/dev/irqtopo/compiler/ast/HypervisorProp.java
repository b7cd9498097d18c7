package dev.irqtopo.compiler.ast;

import dev.irqtopo.model.StorageKind;
import java.util.List;

/** A property of the {@code hypervisor} block. */
public sealed interface HypervisorProp extends Property {

    /** {@code cpuid visible|hidden;} */
    record Cpuid(Pos at, boolean visible) implements HypervisorProp {
        @Override
        public String keyword() {
            return "cpuid";
        }
    }

    /** {@code traps STORAGE, …;} each storage with the position of its first word. */
    record Traps(Pos at, List<Word<StorageKind>> storages) implements HypervisorProp {
        public Traps {
            storages = List.copyOf(storages);
        }

        @Override
        public String keyword() {
            return "traps";
        }
    }

    /** {@code hypercall compose|none;} */
    record Hypercall(Pos at, boolean compose) implements HypervisorProp {
        @Override
        public String keyword() {
            return "hypercall";
        }
    }

    /** {@code ext_dest_id on|off;} */
    record ExtDestId(Pos at, boolean on) implements HypervisorProp {
        @Override
        public String keyword() {
            return "ext_dest_id";
        }
    }

    /** {@code vlpi on|off;} (arm64, GICv4): whether the ITS injects assigned functions' interrupts as vLPIs. */
    record Vlpi(Pos at, boolean on) implements HypervisorProp {
        @Override
        public String keyword() {
            return "vlpi";
        }
    }
}
