package dev.irqtopo.model.arm;

/**
 * The affinity of one arm64 CPU, as its MPIDR_EL1 reports it: four 8-bit levels, Aff3 in bits 39:32 and
 * Aff2..Aff0 in bits 23:0. A redistributor is named by this affinity (GICR_TYPER.Affinity_Value), and
 * an ITS collection targets one redistributor, so this is how an interrupt names its CPU.
 */
public record Mpidr(int aff3, int aff2, int aff1, int aff0) implements Comparable<Mpidr> {

    /** MPIDR_EL1's affinity fields: Aff3 in bits 39:32, Aff2..Aff0 in bits 23:0. */
    public static final long AFFINITY_BITS = 0xFF_00FF_FFFFL;

    public Mpidr {
        check("Aff3", aff3);
        check("Aff2", aff2);
        check("Aff1", aff1);
        check("Aff0", aff0);
    }

    public static Mpidr of(int aff3, int aff2, int aff1, int aff0) {
        return new Mpidr(aff3, aff2, aff1, aff0);
    }

    /** The affinity MPIDR_EL1 value {@code value} holds; its other bits must be clear. */
    public static Mpidr ofValue(long value) {
        if ((value & ~AFFINITY_BITS) != 0) {
            throw new IllegalArgumentException("MPIDR 0x" + Long.toHexString(value) + " has bits beyond the affinity fields");
        }
        return new Mpidr((int) (value >>> 32), (int) (value >>> 16) & 0xFF, (int) (value >>> 8) & 0xFF, (int) value & 0xFF);
    }

    /** The affinity fields as MPIDR_EL1 holds them: Aff3 at bit 32, Aff2 at 16, Aff1 at 8, Aff0 at 0. */
    public long value() {
        return (long) aff3 << 32 | aff2 << 16 | aff1 << 8 | aff0;
    }

    /** {@code 0.0.1.3}: Aff3.Aff2.Aff1.Aff0 in decimal, the order Linux prints affinities in. */
    @Override
    public String toString() {
        return aff3 + "." + aff2 + "." + aff1 + "." + aff0;
    }

    @Override
    public int compareTo(Mpidr other) {
        return Long.compare(value(), other.value());
    }

    private static void check(String level, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(level + " " + value + " outside 0..255");
        }
    }
}
