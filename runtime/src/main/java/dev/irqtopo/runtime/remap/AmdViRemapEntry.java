package dev.irqtopo.runtime.remap;

/**
 * An AMD-Vi interrupt remapping table entry: fixed delivery of {@code vector} to the CPU whose APIC ID
 * is {@code destination}, when remap-enabled.
 */
public record AmdViRemapEntry(boolean remapEnabled, int vector, int destination) implements RemapEntry {

    public AmdViRemapEntry {
        if (vector < 0 || vector > 0xFF) {
            throw new IllegalArgumentException("vector " + vector);
        }
        if (destination < 0) {
            throw new IllegalArgumentException("destination " + destination);
        }
    }

    /** A remap-enabled entry delivering {@code vector} to {@code apicId}. */
    public static AmdViRemapEntry enabled(int vector, int apicId) {
        return new AmdViRemapEntry(true, vector, apicId);
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
