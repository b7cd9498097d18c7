package dev.irqtopo.model.arm;

import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The platform's arm64 CPUs in Linux's logical CPU order, each with its MPIDR affinity. Linux numbers
 * collections by logical CPU (one per CPU, {@code its_cpu_init_collection}), so CPU {@code i} here is
 * collection {@code i} on every ITS.
 */
public record ArmCpus(List<Mpidr> mpidrs) {

    public static final int MAX_CPUS = 4096;
    /**
     * CPUs per Aff0 cluster in QEMU's {@code virt} machine with a GICv3 or GICv4: the 16 CPUs one SGI
     * target list can name ({@code GICV3_TARGETLIST_BITS}).
     */
    public static final int VIRT_CLUSTER = 16;

    public ArmCpus {
        mpidrs = List.copyOf(mpidrs);
        if (mpidrs.isEmpty() || mpidrs.size() > MAX_CPUS) {
            throw new IllegalArgumentException("cpus " + mpidrs.size() + " outside 1.." + MAX_CPUS);
        }
        if (new HashSet<>(mpidrs).size() != mpidrs.size()) {
            throw new IllegalArgumentException("repeated MPIDR in " + mpidrs);
        }
    }

    /**
     * {@code count} CPUs numbered as QEMU's {@code virt} machine numbers them with a GICv3 (and as KVM's
     * default vCPU MPIDR does): Aff0 = i mod 16, Aff1 = i / 16, the higher levels 0. Below 16 CPUs
     * this is Aff0 = i.
     */
    public static ArmCpus virt(int count) {
        if (count < 1 || count > MAX_CPUS) {
            throw new IllegalArgumentException("cpus " + count + " outside 1.." + MAX_CPUS);
        }
        return new ArmCpus(IntStream.range(0, count).mapToObj(i -> Mpidr.of(0, 0, i / VIRT_CLUSTER, i % VIRT_CLUSTER)).toList());
    }

    public int count() {
        return mpidrs.size();
    }

    public Mpidr mpidr(int cpu) {
        return mpidrs.get(cpu);
    }
}
