package dev.irqtopo.model.arm;

import java.util.Objects;

/**
 * One row of a devicetree {@code msi-map}: requester ids {@code ridBase .. ridBase+length-1} (after the
 * mask) present DeviceIDs from {@code msiBase} to the MSI controller named {@code controller}. All
 * numbers are the property's unsigned 32-bit cells, held in a long.
 */
public record MsiMapEntry(long ridBase, String controller, long msiBase, long length) {

    public MsiMapEntry {
        Objects.requireNonNull(controller);
        MsiMap.checkCell("rid-base", ridBase);
        MsiMap.checkCell("msi-base", msiBase);
        MsiMap.checkCell("length", length);
    }

    public static MsiMapEntry of(long ridBase, String controller, long msiBase, long length) {
        return new MsiMapEntry(ridBase, controller, msiBase, length);
    }
}
