package dev.irqtopo.runtime.imsic;

import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Result;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The generic IRQ matrix (kernel/irq/matrix.c) as the IMSIC driver sets it up and uses it (6.12,
 * {@code imsic_matrix_init}, {@code imsic_vector_alloc}, {@code imsic_vector_free}): one bitmap per
 * CPU over identities 0..N, allocation range the whole bitmap; identity 0 and the IPI identity 1 are
 * system bits, taken on every CPU, so each online CPU starts with N − 1 identities available.
 * <ul>
 *   <li>{@code irq_matrix_alloc(mask, reserved = false)}: an empty mask is -EINVAL; the CPU is
 *       {@code matrix_find_best_cpu}: among the online CPUs of the mask, the first (lowest-numbered)
 *       with the most identities available, and only if it has at least one — otherwise -ENOSPC; the
 *       identity is the lowest clear bit of that CPU's map ({@code matrix_alloc_area} for one bit).</li>
 *   <li>{@code irq_matrix_free}: clears the bit, the CPU has one more available.</li>
 *   <li>A CPU going offline keeps its bits; it is just not chosen.</li>
 * </ul>
 * Managed interrupts are not used by the IMSIC driver and are not modelled.
 *
 * <p>The choice costs neither a walk over every CPU nor a count of each CPU's bitmap: each CPU's
 * available count is kept as it changes, and a tournament tree over the CPUs holds at each node the
 * winner of its range by that rule (the most available; on a tie the lower-numbered, which is always
 * the left one), offline CPUs taking no part; the root is the choice among all online CPUs, and taking
 * or freeing an identity replays one leaf-to-root path. A mask that leaves out an online CPU (an
 * affinity change) compares the counts of its own CPUs. Each CPU also keeps the lowest identity that
 * may be free, every one below it being taken, so the search for the lowest free bit starts there.
 */
public final class ImsicMatrix {

    /** Linux's {@code IMSIC_IPI_ID}: the identity the driver keeps on every CPU for IPIs. */
    public static final int IPI_IDENTITY = 1;

    private final int identities;
    private final List<BitSet> used = new ArrayList<>();
    private final BitSet online = new BitSet();
    /** Per CPU: the identities it can still hand out. */
    private final int[] available;
    /** Per CPU: every identity from 2 up to (not including) this one is taken. */
    private final int[] lowestMaybeFree;
    /**
     * The tournament: node 1 the root, node i's children 2i and 2i + 1, leaf {@code leaves + cpu} for
     * each CPU; each node the CPU {@link #better} picks in its range, -1 when none is online.
     */
    private final int[] winner;
    private final int leaves;

    /** A matrix for {@code cpus} CPUs, all online, whose supervisor-level files implement {@code identities}. */
    public ImsicMatrix(int cpus, int identities) {
        if (cpus < 1) {
            throw new IllegalArgumentException("cpus " + cpus);
        }
        this.identities = identities;
        this.available = new int[cpus];
        this.lowestMaybeFree = new int[cpus];
        for (int cpu = 0; cpu < cpus; cpu++) {
            used.add(new BitSet(identities + 1));
            available[cpu] = identities - 1;
            // bits 0 and 1 are the system bits, set in the system map the allocation ORs in
            lowestMaybeFree[cpu] = IPI_IDENTITY + 1;
        }
        online.set(0, cpus);
        this.leaves = Integer.highestOneBit(cpus) == cpus ? cpus : Integer.highestOneBit(cpus) << 1;
        this.winner = new int[2 * leaves];
        Arrays.fill(winner, -1);
        for (int cpu = 0; cpu < cpus; cpu++) {
            winner[leaves + cpu] = cpu;
        }
        for (int node = leaves - 1; node >= 1; node--) {
            winner[node] = better(winner[2 * node], winner[2 * node + 1]);
        }
    }

    public Result<ImsicVector> alloc(BitSet mask) {
        if (mask.isEmpty()) {
            return Result.failed(Errno.EINVAL);
        }
        int best = coversOnline(mask) ? winner[1] : bestOf(mask);
        if (best < 0 || available[best] == 0) {
            return Result.failed(Errno.ENOSPC);
        }
        int identity = used.get(best).nextClearBit(lowestMaybeFree[best]);
        used.get(best).set(identity);
        lowestMaybeFree[best] = identity + 1;
        available[best]--;
        replay(best);
        return Result.ok(new ImsicVector(best, identity));
    }

    /** The allocation of {@link #alloc} with every online CPU in the mask, as the IMSIC driver asks. */
    public Result<ImsicVector> allocOnline() {
        return alloc(online);
    }

    public void free(ImsicVector vector) {
        if (!isAllocated(vector)) {
            throw new IllegalArgumentException("freeing " + vector + ", which is not allocated");
        }
        used.get(vector.cpu()).clear(vector.identity());
        lowestMaybeFree[vector.cpu()] = Math.min(lowestMaybeFree[vector.cpu()], vector.identity());
        available[vector.cpu()]++;
        replay(vector.cpu());
    }

    /** The identities {@code cpu} can still hand out. */
    public int available(int cpu) {
        return available[cpu];
    }

    public boolean isAllocated(ImsicVector vector) {
        return vector.cpu() < cpus() && vector.identity() > IPI_IDENTITY && vector.identity() <= identities
                && used.get(vector.cpu()).get(vector.identity());
    }

    /** The identities taken on {@code cpu} (not counting 0 and the IPI), lowest first. */
    public List<Integer> allocated(int cpu) {
        return used.get(cpu).stream().boxed().toList();
    }

    public void setOnline(int cpu, boolean on) {
        online.set(cpu, on);
        if (cpu < cpus()) {
            winner[leaves + cpu] = on ? cpu : -1;
            replay(cpu);
        }
    }

    public boolean isOnline(int cpu) {
        return online.get(cpu);
    }

    public BitSet online() {
        return (BitSet) online.clone();
    }

    public int cpus() {
        return used.size();
    }

    public int identities() {
        return identities;
    }

    /** Whether every online CPU is in {@code mask}. */
    private boolean coversOnline(BitSet mask) {
        if (mask == online) {
            return true;
        }
        BitSet outside = (BitSet) online.clone();
        outside.andNot(mask);
        return outside.isEmpty();
    }

    /** {@code matrix_find_best_cpu} over the online CPUs of {@code mask}: the first with the most available; -1 if none has any. */
    private int bestOf(BitSet mask) {
        int best = -1;
        int most = 0;
        for (int cpu = mask.nextSetBit(0); cpu >= 0 && cpu < cpus(); cpu = mask.nextSetBit(cpu + 1)) {
            if (online.get(cpu) && available[cpu] > most) {
                best = cpu;
                most = available[cpu];
            }
        }
        return best;
    }

    /** Of two CPUs, {@code low} numbered below {@code high} (either -1 for none), the one the rule picks. */
    private int better(int low, int high) {
        if (low < 0) {
            return high;
        }
        return high >= 0 && available[high] > available[low] ? high : low;
    }

    /** Recomputes the winners on the path from {@code cpu}'s leaf to the root. */
    private void replay(int cpu) {
        for (int node = (leaves + cpu) >>> 1; node >= 1; node >>>= 1) {
            winner[node] = better(winner[2 * node], winner[2 * node + 1]);
        }
    }
}
