package dev.irqtopo.runtime.remap;

/**
 * The used indices of a remapping table. A request for N indices takes the lowest free block of N
 * rounded up to a power of two, aligned to that size, as the VT-d and AMD-Vi drivers do so that a
 * multi-message MSI device can add its message number to the block's base.
 *
 * <p>One bit per index, plus a summary bit per 64-index word that is set while the word has a free
 * index, so a single index is found without scanning full words.
 */
public final class BlockAllocator {

    private final int size;
    private final long[] used;
    private final long[] hasFree;

    /** A table of {@code size} indices, a power of two. */
    public BlockAllocator(int size) {
        if (size < 1 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("table size " + size + " is not a power of two");
        }
        this.size = size;
        this.used = new long[(size + 63) >>> 6];
        this.hasFree = new long[(used.length + 63) >>> 6];
        if (size < 64) {
            used[0] = -1L << size; // indices past the end are never free
        }
        for (int w = 0; w < used.length; w++) {
            hasFree[w >>> 6] |= 1L << w;
        }
    }

    public int size() {
        return size;
    }

    /** The block size a request for {@code count} indices takes: {@code count} rounded up to a power of two. */
    public static int blockSize(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count " + count);
        }
        return count == 1 ? 1 : Integer.highestOneBit(count - 1) << 1;
    }

    /** Takes the lowest free aligned block for {@code count} indices; returns its base, or -1 when none is free. */
    public int allocate(int count) {
        int block = blockSize(count);
        if (block > size) {
            return -1;
        }
        int base = block == 1 ? lowestFreeIndex() : block < 64 ? lowestFreeSmallBlock(block) : lowestFreeLargeBlock(block);
        if (base >= 0) {
            mark(base, block, true);
        }
        return base;
    }

    /**
     * Takes the lowest run of {@code count} free indices that starts at a multiple of {@code count}
     * rounded up to a power of two, marking only those {@code count}: the window of a multi-message
     * MSI block whose unused tail stays free for later requests (AMD-Vi's way). For a power of two
     * this is {@link #allocate}. Returns the base, or -1 when no such run is free.
     */
    public int allocateRun(int count) {
        int window = blockSize(count);
        if (count == window) {
            return allocate(count);
        }
        for (int base = 0; base + count <= size; base += window) {
            if (runIsFree(base, count)) {
                mark(base, count, true);
                return base;
            }
        }
        return -1;
    }

    /** Returns a run taken by {@link #allocateRun}. */
    public void freeRun(int base, int count) {
        int window = blockSize(count);
        if (count == window) {
            free(base, count);
            return;
        }
        if (base < 0 || base % window != 0 || base + count > size) {
            throw new IllegalArgumentException("no run of " + count + " at " + base);
        }
        for (int i = base; i < base + count; i++) {
            if (!isUsed(i)) {
                throw new IllegalStateException("index " + i + " is not allocated");
            }
        }
        mark(base, count, false);
    }

    private boolean runIsFree(int base, int count) {
        for (int i = base; i < base + count; i++) {
            if ((used[i >>> 6] & 1L << i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Returns a block taken by {@link #allocate} for {@code count} indices. */
    public void free(int base, int count) {
        int block = blockSize(count);
        if (base < 0 || base % block != 0 || base + block > size) {
            throw new IllegalArgumentException("no block of " + block + " at " + base);
        }
        for (int i = base; i < base + block; i++) {
            if (!isUsed(i)) {
                throw new IllegalStateException("index " + i + " is not allocated");
            }
        }
        mark(base, block, false);
    }

    public boolean isUsed(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " outside 0.." + (size - 1));
        }
        return (used[index >>> 6] & 1L << index) != 0;
    }

    /** The lowest used index at or above {@code from}, or -1. */
    public int nextUsed(int from) {
        if (from >= size) {
            return -1;
        }
        int w = Math.max(from, 0) >>> 6;
        long bits = used[w] & -1L << Math.max(from, 0);
        while (true) {
            if (w == used.length - 1 && size < 64) {
                bits &= (1L << size) - 1;
            }
            if (bits != 0) {
                return w << 6 | Long.numberOfTrailingZeros(bits);
            }
            if (++w == used.length) {
                return -1;
            }
            bits = used[w];
        }
    }

    private int lowestFreeIndex() {
        for (int s = 0; s < hasFree.length; s++) {
            if (hasFree[s] != 0) {
                int w = s << 6 | Long.numberOfTrailingZeros(hasFree[s]);
                return w << 6 | Long.numberOfTrailingZeros(~used[w]);
            }
        }
        return -1;
    }

    private int lowestFreeSmallBlock(int block) {
        long mask = (1L << block) - 1;
        for (int w = 0; w < used.length; w++) {
            long bits = used[w];
            if (bits == -1L) {
                continue;
            }
            for (int offset = 0; offset < 64; offset += block) {
                if ((bits >>> offset & mask) == 0) {
                    return w << 6 | offset;
                }
            }
        }
        return -1;
    }

    private int lowestFreeLargeBlock(int block) {
        int words = block >>> 6;
        for (int w = 0; w < used.length; w += words) {
            boolean free = true;
            for (int i = w; i < w + words && free; i++) {
                free = used[i] == 0;
            }
            if (free) {
                return w << 6;
            }
        }
        return -1;
    }

    private void mark(int base, int block, boolean taken) {
        for (int i = base; i < base + block; i++) {
            int w = i >>> 6;
            if (taken) {
                used[w] |= 1L << i;
            } else {
                used[w] &= ~(1L << i);
            }
        }
        for (int w = base >>> 6; w <= (base + block - 1) >>> 6; w++) {
            if (used[w] == -1L) {
                hasFree[w >>> 6] &= ~(1L << w);
            } else {
                hasFree[w >>> 6] |= 1L << w;
            }
        }
    }
}
