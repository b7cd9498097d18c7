package dev.irqtopo.runtime.imsic;

import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Result;
import java.util.ArrayList;
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
 */
public final class ImsicMatrix {

    /** Linux's {@code IMSIC_IPI_ID}: the identity the driver keeps on every CPU for IPIs. */
    public static final int IPI_IDENTITY = 1;

    private final int identities;
    private final List<BitSet> used = new ArrayList<>();
    private final BitSet online = new BitSet();

    /** A matrix for {@code cpus} CPUs, all online, whose supervisor-level files implement {@code identities}. */
    public ImsicMatrix(int cpus, int identities) {
        if (cpus < 1) {
            throw new IllegalArgumentException("cpus " + cpus);
        }
        this.identities = identities;
        for (int cpu = 0; cpu < cpus; cpu++) {
            used.add(new BitSet(identities + 1));
        }
        online.set(0, cpus);
    }

    public Result<ImsicVector> alloc(BitSet mask) {
        if (mask.isEmpty()) {
            return Result.failed(Errno.EINVAL);
        }
        int best = -1;
        int most = 0;
        for (int cpu = mask.nextSetBit(0); cpu >= 0 && cpu < cpus(); cpu = mask.nextSetBit(cpu + 1)) {
            if (online.get(cpu) && available(cpu) > most) {
                best = cpu;
                most = available(cpu);
            }
        }
        if (best < 0) {
            return Result.failed(Errno.ENOSPC);
        }
        int identity = lowestFree(best);
        used.get(best).set(identity);
        return Result.ok(new ImsicVector(best, identity));
    }

    public void free(ImsicVector vector) {
        if (!isAllocated(vector)) {
            throw new IllegalArgumentException("freeing " + vector + ", which is not allocated");
        }
        used.get(vector.cpu()).clear(vector.identity());
    }

    /** The identities {@code cpu} can still hand out. */
    public int available(int cpu) {
        return identities - 1 - used.get(cpu).cardinality();
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

    private int lowestFree(int cpu) {
        // bits 0 and 1 are the system bits, set in the system map the allocation ORs in
        return used.get(cpu).nextClearBit(IPI_IDENTITY + 1);
    }
}
