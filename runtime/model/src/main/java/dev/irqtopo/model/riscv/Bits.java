package dev.irqtopo.model.riscv;

/** Small bit arithmetic the placement rules and the MSI page table share. */
final class Bits {

    private Bits() {
    }

    /** ⌈log2 count⌉: the bits that number {@code count} things 0..count−1 (0 for one thing). */
    static int toRepresent(long count) {
        if (count < 1) {
            throw new IllegalArgumentException("count " + count);
        }
        return count == 1 ? 0 : 64 - Long.numberOfLeadingZeros(count - 1);
    }

    /** Whether {@code value} is a multiple of 2^{@code bits} (bits may reach 63). */
    static boolean aligned(long value, int bits) {
        return bits >= 64 ? value == 0 : (value & ((1L << bits) - 1)) == 0;
    }

    /** All ones below bit {@code bits}. */
    static long ones(int bits) {
        return bits >= 64 ? -1L : (1L << bits) - 1;
    }
}
