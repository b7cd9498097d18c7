package dev.irqtopo.compiler.ast;

import java.util.Objects;

/**
 * {@code msi_map RID-BASE CONTROLLER MSI-BASE LENGTH;} (arm64, in a bus block), as a devicetree
 * {@code msi-map} entry: requester ids {@code rid-base .. rid-base + length - 1} (after the bus's
 * {@code msi_map_mask}) reach {@code controller} with DeviceIDs from {@code msi-base} on.
 */
public record MsiMapDecl(Pos at, Rid ridBase, Name controller, Num msiBase, Num length) {

    public MsiMapDecl {
        Objects.requireNonNull(at);
        Objects.requireNonNull(ridBase);
        Objects.requireNonNull(controller);
        Objects.requireNonNull(msiBase);
        Objects.requireNonNull(length);
    }

    /** {@code msi_map_mask MASK;}: the bits of a requester id the bus's msi_map lines look at. */
    public record Mask(Pos at, Num mask) implements Property {
        public Mask {
            Objects.requireNonNull(at);
            Objects.requireNonNull(mask);
        }

        @Override
        public String keyword() {
            return "msi_map_mask";
        }
    }
}
