package dev.irqtopo.runtime.vector;

import java.util.Arrays;

/**
 * A set of CPU numbers as a two-level bitmap: one bit per CPU, and a summary bit per 64-CPU word that
 * is set while the word is not empty. Finding the lowest member, or the lowest member shared with
 * another set, touches one summary word per 4096 CPUs and then only non-empty words, so the cost
 * barely grows with the number of CPUs.
 */
public final class CpuSet {

    private final int capacity;
    private final long[] words;
    private final long[] summary;

    /** An empty set for CPUs {@code 0..capacity-1}. */
    public CpuSet(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
        this.words = new long[(capacity + 63) >>> 6];
        this.summary = new long[(words.length + 63) >>> 6];
    }

    /** Every CPU {@code 0..capacity-1}. */
    public static CpuSet all(int capacity) {
        CpuSet set = new CpuSet(capacity);
        for (int cpu = 0; cpu < capacity; cpu++) {
            set.add(cpu);
        }
        return set;
    }

    public int capacity() {
        return capacity;
    }

    public void add(int cpu) {
        int w = index(cpu) >>> 6;
        words[w] |= 1L << cpu;
        summary[w >>> 6] |= 1L << w;
    }

    public void remove(int cpu) {
        int w = index(cpu) >>> 6;
        words[w] &= ~(1L << cpu);
        if (words[w] == 0) {
            summary[w >>> 6] &= ~(1L << w);
        }
    }

    public boolean contains(int cpu) {
        return (words[index(cpu) >>> 6] & 1L << cpu) != 0;
    }

    public boolean isEmpty() {
        for (long s : summary) {
            if (s != 0) {
                return false;
            }
        }
        return true;
    }

    /** The lowest member, or -1 when empty. */
    public int first() {
        for (int s = 0; s < summary.length; s++) {
            long bits = summary[s];
            if (bits != 0) {
                int w = s << 6 | Long.numberOfTrailingZeros(bits);
                return w << 6 | Long.numberOfTrailingZeros(words[w]);
            }
        }
        return -1;
    }

    /** The lowest CPU in both this set and {@code other} (of the same capacity), or -1 when they are disjoint. */
    public int firstCommon(CpuSet other) {
        for (int s = 0; s < summary.length; s++) {
            long candidates = summary[s] & other.summary[s];
            while (candidates != 0) {
                int w = s << 6 | Long.numberOfTrailingZeros(candidates);
                long common = words[w] & other.words[w];
                if (common != 0) {
                    return w << 6 | Long.numberOfTrailingZeros(common);
                }
                candidates &= candidates - 1;
            }
        }
        return -1;
    }

    /** The number of members. */
    public int size() {
        int n = 0;
        for (long w : words) {
            n += Long.bitCount(w);
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CpuSet other && capacity == other.capacity && Arrays.equals(words, other.words);
    }

    @Override
    public int hashCode() {
        return 31 * capacity + Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (int cpu = 0; cpu < capacity; cpu++) {
            if (contains(cpu)) {
                text.append(text.length() > 1 ? ", " : "").append(cpu);
            }
        }
        return text.append('}').toString();
    }

    private int index(int cpu) {
        if (cpu < 0 || cpu >= capacity) {
            throw new IndexOutOfBoundsException("CPU " + cpu + " outside 0.." + (capacity - 1));
        }
        return cpu;
    }
}
