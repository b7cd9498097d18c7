package dev.irqtopo.model.arm;

import java.util.Objects;

/**
 * One ID mapping of an ACPI IORT PCI root complex node: input ids {@code inputBase ..
 * inputBase+idCount} present ids from {@code outputBase} to the node {@code outputReference} (an ITS
 * group or an SMMU). Unlike a devicetree {@code msi-map} row, {@code idCount} is the number of ids
 * minus one, so the range is inclusive; with {@code singleMapping} every input id becomes
 * {@code outputBase}. Numbers are unsigned 32-bit fields held in a long.
 */
public record IortIdMapping(long inputBase, long idCount, long outputBase, String outputReference, boolean singleMapping) {

    public IortIdMapping {
        Objects.requireNonNull(outputReference);
        MsiMap.checkCell("input base", inputBase);
        MsiMap.checkCell("id count", idCount);
        MsiMap.checkCell("output base", outputBase);
    }

    public static IortIdMapping range(long inputBase, long idCount, long outputBase, String outputReference) {
        return new IortIdMapping(inputBase, idCount, outputBase, outputReference, false);
    }

    public static IortIdMapping single(long outputBase, String outputReference) {
        return new IortIdMapping(0, 0, outputBase, outputReference, true);
    }
}
