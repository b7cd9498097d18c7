package dev.irqtopo.runtime.gic;

import java.util.BitSet;

/**
 * The per-CPU LPI counts every ITS shares ({@code cpu_lpi_count}), kept apart for managed and unmanaged
 * interrupts, and the target CPU choice of {@code its_select_cpu} (the same in 6.1 and 6.12):
 * <ul>
 *   <li>unmanaged: the CPUs both in the affinity and online, or all online CPUs when none is; the
 *       least loaded by unmanaged count;</li>
 *   <li>managed: the affinity itself; the least loaded by managed count;</li>
 *   <li>least loaded ({@code cpumask_pick_least_loaded}): the lowest-numbered CPU among those with the
 *       smallest count.</li>
 * </ul>
 * Every ITS is taken to have no NUMA node (the branch for an ITS with one is not modelled) and every
 * CPU to be online.
 */
public final class CpuLoad {

    private final int[] managed;
    private final int[] unmanaged;

    public CpuLoad(int cpus) {
        if (cpus < 1) {
            throw new IllegalArgumentException("cpus " + cpus);
        }
        managed = new int[cpus];
        unmanaged = new int[cpus];
    }

    public int cpus() {
        return managed.length;
    }

    public int count(int cpu, boolean isManaged) {
        return (isManaged ? managed : unmanaged)[cpu];
    }

    void increment(int cpu, boolean isManaged) {
        (isManaged ? managed : unmanaged)[cpu]++;
    }

    void decrement(int cpu, boolean isManaged) {
        (isManaged ? managed : unmanaged)[cpu]--;
    }

    /** Every CPU. */
    public BitSet online() {
        BitSet all = new BitSet();
        all.set(0, cpus());
        return all;
    }

    /** {@code its_select_cpu} for an interrupt whose affinity is {@code affinity}; -1 when no CPU qualifies. */
    public int select(BitSet affinity, boolean isManaged) {
        BitSet candidates = (BitSet) affinity.clone();
        if (!isManaged) {
            candidates.and(online());
            if (candidates.isEmpty()) {
                candidates = online();
            }
        }
        return pickLeastLoaded(candidates, isManaged);
    }

    /** {@code cpumask_pick_least_loaded}: the first CPU in {@code mask} with the smallest count; -1 for none. */
    public int pickLeastLoaded(BitSet mask, boolean isManaged) {
        int best = -1;
        int bestCount = Integer.MAX_VALUE;
        for (int cpu = mask.nextSetBit(0); cpu >= 0 && cpu < cpus(); cpu = mask.nextSetBit(cpu + 1)) {
            int c = count(cpu, isManaged);
            if (c < bestCount) {
                best = cpu;
                bestCount = c;
            }
        }
        return best;
    }
}
