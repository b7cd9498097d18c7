package dev.irqtopo.runtime.imsic;

/**
 * One identity Linux has taken in one CPU's supervisor-level file ({@code struct imsic_vector}: the
 * CPU and the local id). The same identity on two CPUs is two vectors: identities are per file.
 */
public record ImsicVector(int cpu, int identity) implements Comparable<ImsicVector> {

    public ImsicVector {
        if (cpu < 0 || identity < 1) {
            throw new IllegalArgumentException("vector " + identity + " on CPU " + cpu);
        }
    }

    @Override
    public int compareTo(ImsicVector other) {
        int c = Integer.compare(cpu, other.cpu);
        return c != 0 ? c : Integer.compare(identity, other.identity);
    }

    @Override
    public String toString() {
        return "cpu" + cpu + "/" + identity;
    }
}
