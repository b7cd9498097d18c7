package dev.irqtopo.runtime.riommu;

/**
 * The bit extract the MSI translation indexes its table with ({@code extract} in the reference model's
 * iommu_msi_trans.c; AIA, "Identification of page addresses of a VM's interrupt files"), and the
 * deposit that undoes it, with which the reach finds the one guest page of a file number.
 */
public final class Pext {

    private Pext() {
    }

    /** The bits of {@code x} where {@code mask} has ones, packed at the bottom in their order. */
    public static long extract(long x, long mask) {
        long result = 0;
        int j = 0;
        for (long m = mask; m != 0; m &= m - 1) {
            int i = Long.numberOfTrailingZeros(m);
            result |= (x >>> i & 1) << j++;
        }
        return result;
    }

    /** The low bits of {@code x} spread to where {@code mask} has ones (the inverse of {@link #extract}). */
    public static long deposit(long x, long mask) {
        long result = 0;
        int j = 0;
        for (long m = mask; m != 0; m &= m - 1) {
            int i = Long.numberOfTrailingZeros(m);
            result |= (x >>> j++ & 1) << i;
        }
        return result;
    }
}
