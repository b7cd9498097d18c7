package dev.irqtopo.compiler.ast;

import dev.irqtopo.model.ApicMode;
import java.util.List;

/** A property of a {@code cpu} block. */
public sealed interface CpuProp extends Property {

    /** {@code cpus N;} */
    record Cpus(Pos at, Num count) implements CpuProp {
        @Override
        public String keyword() {
            return "cpus";
        }
    }

    /** {@code apic xapic;} or {@code apic x2apic;} */
    record Apic(Pos at, Word<ApicMode> mode) implements CpuProp {
        @Override
        public String keyword() {
            return "apic";
        }
    }

    /** {@code apic_ids N, N, …;} */
    record ApicIds(Pos at, List<Num> ids) implements CpuProp {
        public ApicIds {
            ids = List.copyOf(ids);
        }

        @Override
        public String keyword() {
            return "apic_ids";
        }
    }

    /** {@code mpidr A, A, …;} (arm64): each CPU's MPIDR affinity fields in CPU order. */
    record Mpidr(Pos at, List<Num> values) implements CpuProp {
        public Mpidr {
            values = List.copyOf(values);
        }

        @Override
        public String keyword() {
            return "mpidr";
        }
    }
}
