package dev.irqtopo.runtime.vector;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.DestinationMode;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Which host CPUs a logical destination names, from each CPU's logical destination register (LDR).
 * In xAPIC mode the kernel programs the LDR: Linux's flat logical mode gives CPU n (n below 8) the
 * logical id {@code 1 << n}, and in physical mode leaves it 0, so that a logical destination names
 * nobody; an 8-bit destination names every CPU whose logical id has a bit in common with it. In
 * x2APIC mode the hardware derives the LDR from the APIC ID whatever mode the kernel chose (cluster
 * in bits 31:16, one bit of a 16-bit mask in bits 15:0); a 32-bit destination names the CPUs of its
 * cluster whose bit its mask has, and the 8 bits of a compatibility-format message are read as such
 * a destination in cluster 0.
 *
 * <p>An immutable value: the CPUs and their registers do not change after boot.
 */
public final class LogicalDestinations {

    private static final int[] NONE = new int[0];
    /** The x2APIC cluster mask: one bit per APIC ID of the cluster. */
    private static final int CLUSTER_MASK = 0xFFFF;

    private final boolean x2apic;
    /** Per CPU its logical destination register, the logical id; 0 where none is programmed. */
    private final int[] logicalIds;
    /**
     * x2APIC: the CPUs holding each logical id, in increasing order (two CPUs share one only when their
     * APIC IDs differ above bit 19, which the logical id does not keep).
     */
    private final Map<Integer, int[]> cpusOfLogicalId = new HashMap<>();

    private LogicalDestinations(boolean x2apic, int[] logicalIds) {
        this.x2apic = x2apic;
        this.logicalIds = logicalIds;
        if (x2apic) {
            for (int cpu = 0; cpu < logicalIds.length; cpu++) {
                int[] holders = cpusOfLogicalId.getOrDefault(logicalIds[cpu], NONE);
                int[] more = Arrays.copyOf(holders, holders.length + 1);
                more[holders.length] = cpu;
                cpusOfLogicalId.put(logicalIds[cpu], more);
            }
        }
    }

    /**
     * The logical destination registers of CPUs with {@code apicIds} in {@code apic} mode, under a
     * kernel that names CPUs as {@code kernelMode} says.
     *
     * @throws IllegalArgumentException for flat logical mode over more than 8 CPUs, which no kernel chooses
     */
    public static LogicalDestinations of(int[] apicIds, ApicMode apic, DestinationMode kernelMode) {
        int[] ids = new int[apicIds.length];
        if (apic == ApicMode.X2APIC) {
            for (int cpu = 0; cpu < ids.length; cpu++) {
                ids[cpu] = DestinationMode.x2apicLogicalId(apicIds[cpu]);
            }
            return new LogicalDestinations(true, ids);
        }
        if (kernelMode == DestinationMode.LOGICAL_FLAT) {
            if (ids.length > 8) {
                throw new IllegalArgumentException("flat logical destinations name at most 8 CPUs, not " + ids.length);
            }
            for (int cpu = 0; cpu < ids.length; cpu++) {
                ids[cpu] = 1 << cpu;
            }
        }
        return new LogicalDestinations(false, ids);
    }

    /** Whether xAPIC CPUs hold the flat logical ids {@code 1 << cpu} (else, in xAPIC mode, none). */
    public boolean flat() {
        return !x2apic && logicalIds.length > 0 && logicalIds[0] != 0;
    }

    /** Whether the CPUs are in x2APIC mode, with 32-bit logical destinations. */
    public boolean x2apic() {
        return x2apic;
    }

    /** The logical id in CPU {@code cpu}'s logical destination register; 0 when it has none. */
    public int logicalId(int cpu) {
        return logicalIds[cpu];
    }

    /**
     * A remap entry's logical destination as the CPUs read it: its low 8 bits in xAPIC mode, all 32 in
     * x2APIC mode.
     */
    public int ofEntry(int destination) {
        return x2apic ? destination : destination & 0xFF;
    }

    /** Whether a remap entry's logical destination (as {@link #ofEntry} reads it) is the broadcast: 0xFF, or 0xFFFFFFFF in x2APIC mode. */
    public boolean isBroadcast(int destination) {
        return x2apic ? destination == -1 : destination == 0xFF;
    }

    /** An x2APIC logical destination's cluster, bits 31:16. */
    public static int cluster(int destination) {
        return destination >>> 16;
    }

    /** An x2APIC logical destination's mask of APIC IDs within the cluster, bits 15:0. */
    public static int mask(int destination) {
        return destination & CLUSTER_MASK;
    }

    /**
     * The CPUs, in increasing order, that the logical destination {@code destination} names: in xAPIC
     * mode its low 8 bits, in x2APIC mode all 32 (an 8-bit compatibility destination is then cluster 0).
     */
    public int[] named(int destination) {
        if (!x2apic) {
            int mask = destination & 0xFF;
            int count = 0;
            int[] cpus = new int[logicalIds.length];
            for (int cpu = 0; cpu < logicalIds.length; cpu++) {
                if ((logicalIds[cpu] & mask) != 0) {
                    cpus[count++] = cpu;
                }
            }
            return count == 0 ? NONE : Arrays.copyOf(cpus, count);
        }
        int cluster = destination & ~CLUSTER_MASK;
        int[] named = NONE;
        for (int rest = mask(destination); rest != 0; rest &= rest - 1) {
            int[] holders = cpusOfLogicalId.getOrDefault(cluster | Integer.lowestOneBit(rest), NONE);
            if (holders.length > 0) {
                int[] more = Arrays.copyOf(named, named.length + holders.length);
                System.arraycopy(holders, 0, more, named.length, holders.length);
                named = more;
            }
        }
        Arrays.sort(named);
        return named;
    }

    /**
     * The lowest 8-bit destination of a compatibility-format message that names CPU {@code cpu}, or -1
     * when none does: the lowest bit of its logical id, provided that id fits 8 bits of cluster 0 (in
     * flat mode every CPU's does; in x2APIC mode those of APIC IDs 0..7). Any destination naming the
     * CPU has that bit, so none is lower.
     */
    public int lowestCompatibilityDestination(int cpu) {
        int id = logicalIds[cpu];
        return cluster(id) == 0 && (id & 0xFF) != 0 ? Integer.lowestOneBit(id & 0xFF) : -1;
    }
}
