package dev.irqtopo.runtime.vector;

/**
 * The x86 vector matrix of one kernel: for each CPU, which device vectors (0x21..0xeb without the
 * system-call vector 0x80: 202 per CPU) are in use.
 *
 * <p>One vector is allocated as Linux's matrix allocator does: on the CPU of the mask with the most
 * free device vectors (ties to the lowest CPU number), the lowest free vector. To make that choice
 * without walking every CPU, CPUs sit in buckets by their number of free vectors, each bucket a
 * {@link CpuSet}, with a bitmap of non-empty buckets: the choice is the first CPU of the fullest
 * bucket that meets the mask.
 */
public final class VectorMatrix {

    public static final int FIRST_DEVICE_VECTOR = 0x21;
    public static final int LAST_DEVICE_VECTOR = 0xEB;
    /** IA32 system call, never handed to a device. */
    public static final int SYSCALL_VECTOR = 0x80;
    public static final int DEVICE_VECTORS_PER_CPU = LAST_DEVICE_VECTOR - FIRST_DEVICE_VECTOR + 1 - 1;
    public static final int VECTORS_PER_CPU = 256;

    /** The bitmap of device vectors: allocatable bits set. */
    private static final long[] DEVICE_VECTORS = deviceVectorBitmap();

    private final int cpus;
    /** Per CPU four words: bit v set while device vector v is free. */
    private final long[] free;
    private final int[] freeCount;
    /** buckets[n]: the CPUs with exactly n free device vectors. */
    private final CpuSet[] buckets;
    /** Bit n set while buckets[n] is not empty. */
    private final long[] nonEmptyBuckets = new long[(DEVICE_VECTORS_PER_CPU + 64) >>> 6];

    public VectorMatrix(int cpus) {
        if (cpus < 1) {
            throw new IllegalArgumentException("cpus " + cpus);
        }
        this.cpus = cpus;
        this.free = new long[cpus * 4];
        this.freeCount = new int[cpus];
        this.buckets = new CpuSet[DEVICE_VECTORS_PER_CPU + 1];
        for (int n = 0; n < buckets.length; n++) {
            buckets[n] = new CpuSet(cpus);
        }
        for (int cpu = 0; cpu < cpus; cpu++) {
            System.arraycopy(DEVICE_VECTORS, 0, free, cpu * 4, 4);
            freeCount[cpu] = DEVICE_VECTORS_PER_CPU;
            buckets[DEVICE_VECTORS_PER_CPU].add(cpu);
        }
        markBucket(DEVICE_VECTORS_PER_CPU);
    }

    public int cpus() {
        return cpus;
    }

    /** Whether {@code vector} is one the matrix hands to devices. */
    public static boolean isDeviceVector(int vector) {
        return vector >= FIRST_DEVICE_VECTOR && vector <= LAST_DEVICE_VECTOR && vector != SYSCALL_VECTOR;
    }

    /**
     * Allocates one vector on a CPU of {@code mask} by the matrix rule.
     *
     * @return the CPU in bits 31:8 and the vector in bits 7:0, or -1 when no CPU of the mask has a free
     *         vector (ENOSPC)
     */
    public int allocate(CpuSet mask) {
        if (mask.capacity() != cpus) {
            throw new IllegalArgumentException("mask for " + mask.capacity() + " CPUs, matrix of " + cpus);
        }
        for (int w = nonEmptyBuckets.length - 1; w >= 0; w--) {
            long bits = nonEmptyBuckets[w];
            while (bits != 0) {
                int top = 63 - Long.numberOfLeadingZeros(bits);
                int count = w << 6 | top;
                if (count == 0) {
                    return -1;
                }
                int cpu = buckets[count].firstCommon(mask);
                if (cpu >= 0) {
                    int vector = lowestFree(cpu);
                    take(cpu, vector);
                    return cpu << 8 | vector;
                }
                bits &= ~(1L << top);
            }
        }
        return -1;
    }

    /** Returns a vector allocated by {@link #allocate}. */
    public void free(int cpu, int vector) {
        checkCpu(cpu);
        if (!isDeviceVector(vector)) {
            throw new IllegalArgumentException("0x" + Integer.toHexString(vector) + " is not a device vector");
        }
        int word = cpu * 4 + (vector >>> 6);
        long bit = 1L << vector;
        if ((free[word] & bit) != 0) {
            throw new IllegalStateException("vector 0x" + Integer.toHexString(vector) + " on CPU " + cpu + " is not allocated");
        }
        free[word] |= bit;
        move(cpu, freeCount[cpu], freeCount[cpu] + 1);
    }

    /** Whether {@code vector} on {@code cpu} is allocated. */
    public boolean isAllocated(int cpu, int vector) {
        checkCpu(cpu);
        return isDeviceVector(vector) && (free[cpu * 4 + (vector >>> 6)] & 1L << vector) == 0;
    }

    /** How many device vectors {@code cpu} has free. */
    public int freeVectors(int cpu) {
        checkCpu(cpu);
        return freeCount[cpu];
    }

    private int lowestFree(int cpu) {
        for (int w = 0; w < 4; w++) {
            long bits = free[cpu * 4 + w];
            if (bits != 0) {
                return w << 6 | Long.numberOfTrailingZeros(bits);
            }
        }
        throw new IllegalStateException("CPU " + cpu + " is in a bucket with free vectors but has none");
    }

    private void take(int cpu, int vector) {
        free[cpu * 4 + (vector >>> 6)] &= ~(1L << vector);
        move(cpu, freeCount[cpu], freeCount[cpu] - 1);
    }

    private void move(int cpu, int from, int to) {
        buckets[from].remove(cpu);
        if (buckets[from].isEmpty()) {
            nonEmptyBuckets[from >>> 6] &= ~(1L << from);
        }
        buckets[to].add(cpu);
        markBucket(to);
        freeCount[cpu] = to;
    }

    private void markBucket(int count) {
        nonEmptyBuckets[count >>> 6] |= 1L << count;
    }

    private void checkCpu(int cpu) {
        if (cpu < 0 || cpu >= cpus) {
            throw new IndexOutOfBoundsException("CPU " + cpu + " outside 0.." + (cpus - 1));
        }
    }

    private static long[] deviceVectorBitmap() {
        long[] bitmap = new long[4];
        for (int v = 0; v < VECTORS_PER_CPU; v++) {
            if (isDeviceVector(v)) {
                bitmap[v >>> 6] |= 1L << v;
            }
        }
        return bitmap;
    }
}
