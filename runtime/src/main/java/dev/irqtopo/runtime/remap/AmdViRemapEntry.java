package dev.irqtopo.runtime.remap;

/**
 * An AMD-Vi interrupt remapping table entry: fixed delivery of {@code vector} to the CPU whose APIC ID
 * is {@code destination}, or with {@code logical} (the DM bit) to the CPUs its logical id names, when
 * remap-enabled. The legacy 32-bit format holds 8 destination bits, as xAPIC mode needs; the 128-bit
 * format of x2APIC mode holds the whole id.
 */
public record AmdViRemapEntry(boolean remapEnabled, int vector, int destination, boolean logical) implements RemapEntry {

    public AmdViRemapEntry {
        if (vector < 0 || vector > 0xFF) {
            throw new IllegalArgumentException("vector " + vector);
        }
        if (destination < 0 && !logical) {
            throw new IllegalArgumentException("destination " + destination);
        }
    }

    /** An entry with a physical destination, as the design profile programs them. */
    public AmdViRemapEntry(boolean remapEnabled, int vector, int destination) {
        this(remapEnabled, vector, destination, false);
    }

    /** A remap-enabled entry delivering {@code vector} to {@code apicId}. */
    public static AmdViRemapEntry enabled(int vector, int apicId) {
        return new AmdViRemapEntry(true, vector, apicId, false);
    }

    /** A remap-enabled entry delivering {@code vector} to {@code destinationId}, a logical id when {@code logical}. */
    public static AmdViRemapEntry enabled(int vector, int destinationId, boolean logical) {
        return new AmdViRemapEntry(true, vector, destinationId, logical);
    }

    /**
     * The 32 bits the IOMMU reads for this entry (the basic format).
     *
     * @throws IllegalArgumentException when the destination is above 0xFF, which only the 128-bit format holds
     */
    public int raw() {
        return AmdViIrte.of(this).raw();
    }
}
