package dev.irqtopo.runtime.vector;

/**
 * The x86 vector matrix of one kernel: for each CPU, which device vectors (its {@link DeviceVectorRange};
 * in the design profile 0x21..0xeb without the system-call vector 0x80: 202 per CPU) are in use.
 *
 * <p>One vector is allocated as Linux's matrix allocator does: on the CPU of the mask with the most
 * free device vectors (ties to the lowest CPU number), the lowest free vector. To make that choice
 * without walking every CPU, CPUs sit in buckets by their number of free vectors, each bucket a
 * {@link CpuSet}, with a bitmap of non-empty buckets: the choice is the first CPU of the fullest
 * bucket that meets the mask.
 */
public final class VectorMatrix {

    /** The design profile's first device vector. */
    public static final int FIRST_DEVICE_VECTOR = DeviceVectorRange.DESIGN.first();
    /** The design profile's last device vector. */
    public static final int LAST_DEVICE_VECTOR = DeviceVectorRange.DESIGN.last();
    /** IA32 system call, never handed to a device. */
    public static final int SYSCALL_VECTOR = DeviceVectorRange.SYSCALL_VECTOR;
    /** The design profile's device vectors per CPU. */
    public static final int DEVICE_VECTORS_PER_CPU = DeviceVectorRange.DESIGN.perCpu();
    public static final int VECTORS_PER_CPU = 256;

    private final int cpus;
    private final DeviceVectorRange range;
    /** The bitmap of device vectors: allocatable bits set. */
    private final long[] deviceVectors;
    private final int perCpu;
    /** Per CPU four words: bit v set while device vector v is free. */
    private final long[] free;
    private final int[] freeCount;
    /** buckets[n]: the CPUs with exactly n free device vectors. */
    private final CpuSet[] buckets;
    /** Bit n set while buckets[n] is not empty. */
    private final long[] nonEmptyBuckets;

    /** A matrix of the design profile's range. */
    public VectorMatrix(int cpus) {
        this(cpus, DeviceVectorRange.DESIGN);
    }

    public VectorMatrix(int cpus, DeviceVectorRange range) {
        if (cpus < 1) {
            throw new IllegalArgumentException("cpus " + cpus);
        }
        this.cpus = cpus;
        this.range = range;
        this.deviceVectors = deviceVectorBitmap(range);
        this.perCpu = range.perCpu();
        this.free = new long[cpus * 4];
        this.freeCount = new int[cpus];
        this.buckets = new CpuSet[perCpu + 1];
        this.nonEmptyBuckets = new long[(perCpu + 64) >>> 6];
        for (int n = 0; n < buckets.length; n++) {
            buckets[n] = new CpuSet(cpus);
        }
        for (int cpu = 0; cpu < cpus; cpu++) {
            System.arraycopy(deviceVectors, 0, free, cpu * 4, 4);
            freeCount[cpu] = perCpu;
            buckets[perCpu].add(cpu);
        }
        markBucket(perCpu);
    }

    public int cpus() {
        return cpus;
    }

    /** The device vectors this matrix hands out. */
    public DeviceVectorRange range() {
        return range;
    }

    /** How many device vectors each CPU has. */
    public int deviceVectorsPerCpu() {
        return perCpu;
    }

    /** Whether {@code vector} is one a matrix of the design profile's range hands to devices. */
    public static boolean isDeviceVector(int vector) {
        return DeviceVectorRange.DESIGN.contains(vector);
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

    /**
     * Takes {@code vector} on {@code cpu} itself, as Linux assigns a legacy irq's ISA vector at boot.
     *
     * @return whether it was free (and is now taken)
     */
    public boolean allocateAt(int cpu, int vector) {
        checkCpu(cpu);
        if (!range.contains(vector) || isAllocated(cpu, vector)) {
            return false;
        }
        take(cpu, vector);
        return true;
    }

    /** Returns a vector allocated by {@link #allocate}. */
    public void free(int cpu, int vector) {
        checkCpu(cpu);
        if (!range.contains(vector)) {
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
        return range.contains(vector) && (free[cpu * 4 + (vector >>> 6)] & 1L << vector) == 0;
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

    private static long[] deviceVectorBitmap(DeviceVectorRange range) {
        long[] bitmap = new long[4];
        for (int v = 0; v < VECTORS_PER_CPU; v++) {
            if (range.contains(v)) {
                bitmap[v >>> 6] |= 1L << v;
            }
        }
        return bitmap;
    }
}
