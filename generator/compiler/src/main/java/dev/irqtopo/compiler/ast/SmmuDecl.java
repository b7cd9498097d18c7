package dev.irqtopo.compiler.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code smmu NAME { covers BUS, …; }} (arm64): an SMMU translating the DMA of the functions on those
 * buses, so that a function assigned to a guest reaches only the doorbell mapped for its own MSIs.
 */
public record SmmuDecl(Pos at, Name name, List<Covers> covers) implements PlatformItem {

    public SmmuDecl {
        Objects.requireNonNull(at);
        Objects.requireNonNull(name);
        covers = List.copyOf(covers);
    }

    /** {@code covers BUS, …;} */
    public record Covers(Pos at, List<Name> buses) implements Property {
        public Covers {
            Objects.requireNonNull(at);
            buses = List.copyOf(buses);
        }

        @Override
        public String keyword() {
            return "covers";
        }
    }

    /** Every bus the SMMU's covers lines name, in source order. */
    public List<Name> coveredBuses() {
        return covers.stream().flatMap(c -> c.buses().stream()).toList();
    }
}
