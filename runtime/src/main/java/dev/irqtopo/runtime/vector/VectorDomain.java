package dev.irqtopo.runtime.vector;

import dev.irqtopo.model.DestinationMode;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One kernel's x86 vector domain (Linux's {@code arch/x86/kernel/apic/vector.c}), the root of every
 * chain of that kernel: its CPUs and their APIC IDs, the vector matrix, the irq numbers from 24, and
 * which interrupt owns each CPU vector (the per-CPU {@code vector_irq} table the CPU's interrupt logic
 * looks up). The only message it composes is the compatibility format, which names the CPU by its
 * destination id in the kernel's destination mode: the APIC ID (physical), or the logical id the
 * kernel or the hardware put into the CPU's logical destination register (flat: {@code 1 << cpu};
 * x2APIC cluster: derived from the APIC ID).
 *
 * <p>A plain data structure: not thread-safe, its users serialize changes. Its owner lookups are
 * array reads, so that an unlocked reader validated afterwards sees either state.
 *
 * @param <O> the kernel's interrupt descriptors, which this domain stores and hands back without
 *            knowing anything of them
 */
public final class VectorDomain<O> {

    /** The host kernel's name, in every report. */
    public static final String HOST = "host";

    private final String kernel;
    private final int[] apicIds;
    /** APIC IDs in increasing order with the CPU that has each, to find a message's destination. */
    private final int[] apicIdsSorted;
    private final int[] cpuOfSorted;
    /** Whether this kernel's compatibility messages carry destination bits 14:8 in address bits 11:5. */
    private final boolean extendedDestination;
    /** How this kernel names CPUs in the messages and remap entries it programs. */
    private final DestinationMode destinationMode;
    /** Per CPU, the id its messages and entries name it by: the APIC ID, or its logical id. */
    private final int[] destinationIds;
    private final VectorMatrix matrix;
    private final VirqSpace virqs = new VirqSpace();
    private final CpuSet allCpus;
    /** The CPUs whose destination id a compatibility-format message this kernel composes can carry. */
    private final CpuSet compatibilityCpus;
    /** Per CPU, made on its first vector: most CPUs of a large host own none. */
    private final Object[][] owners;
    /** The interrupts by irq number; irq numbers are dense from 24, so an array indexed by them. */
    private Object[] byVirq = new Object[VirqSpace.FIRST_VIRQ + 64];

    /**
     * The vector domain of kernel {@code kernel} over CPUs with {@code apicIds}; with
     * {@code extendedDestination} (a guest whose hypervisor accepts 15-bit destination ids and that can
     * detect it) its compatibility messages reach APIC IDs up to 0x7FFF, else up to 0xFF. It names CPUs
     * by APIC ID and allocates the design profile's device vectors.
     */
    public VectorDomain(String kernel, int[] apicIds, boolean extendedDestination) {
        this(kernel, apicIds, extendedDestination, DestinationMode.PHYSICAL, DeviceVectorRange.DESIGN);
    }

    /**
     * The vector domain of kernel {@code kernel} over CPUs with {@code apicIds}, naming them in
     * {@code destinationMode} and allocating from {@code vectors}; with {@code extendedDestination}
     * its compatibility messages carry destination ids up to 0x7FFF, else up to 0xFF, and CPUs whose
     * id does not fit are left out of its compatibility choice.
     *
     * @throws IllegalArgumentException for flat logical mode over more than 8 CPUs: only CPUs 0..7 have
     *         a flat logical id, and Linux never chooses that mode for more
     */
    public VectorDomain(String kernel, int[] apicIds, boolean extendedDestination, DestinationMode destinationMode,
                        DeviceVectorRange vectors) {
        this.kernel = Objects.requireNonNull(kernel);
        this.apicIds = apicIds.clone();
        this.extendedDestination = extendedDestination;
        this.destinationMode = Objects.requireNonNull(destinationMode);
        int compatLimit = extendedDestination ? 0x7FFF : 0xFF;
        int cpus = apicIds.length;
        if (destinationMode == DestinationMode.LOGICAL_FLAT && cpus > 8) {
            throw new IllegalArgumentException("flat logical destinations name at most 8 CPUs, not " + cpus);
        }
        this.destinationIds = new int[cpus];
        this.matrix = new VectorMatrix(cpus, vectors);
        this.allCpus = CpuSet.all(cpus);
        this.compatibilityCpus = new CpuSet(cpus);
        Integer[] order = new Integer[cpus];
        for (int cpu = 0; cpu < cpus; cpu++) {
            order[cpu] = cpu;
            destinationIds[cpu] = switch (destinationMode) {
                case PHYSICAL -> apicIds[cpu];
                case LOGICAL_FLAT -> 1 << cpu;
                case LOGICAL_CLUSTER -> DestinationMode.x2apicLogicalId(apicIds[cpu]);
            };
            if (Integer.compareUnsigned(destinationIds[cpu], compatLimit) <= 0) {
                compatibilityCpus.add(cpu);
            }
        }
        Arrays.sort(order, (a, b) -> Integer.compare(apicIds[a], apicIds[b]));
        this.apicIdsSorted = new int[cpus];
        this.cpuOfSorted = new int[cpus];
        for (int i = 0; i < cpus; i++) {
            cpuOfSorted[i] = order[i];
            apicIdsSorted[i] = apicIds[order[i]];
        }
        this.owners = new Object[cpus][];
    }

    /** The kernel this domain belongs to: {@code "host"} or a guest's name. */
    public String kernel() {
        return kernel;
    }

    public boolean isHost() {
        return HOST.equals(kernel);
    }

    /** CPUs (a guest: vCPUs). */
    public int cpus() {
        return apicIds.length;
    }

    public int apicId(int cpu) {
        Objects.checkIndex(cpu, apicIds.length);
        return apicIds[cpu];
    }

    /** How this kernel names CPUs in the messages and remap entries it programs. */
    public DestinationMode destinationMode() {
        return destinationMode;
    }

    /** The id this kernel's messages and entries name {@code cpu} by: its APIC ID, or its logical id. */
    public int destinationId(int cpu) {
        Objects.checkIndex(cpu, destinationIds.length);
        return destinationIds[cpu];
    }

    /** The device vectors this kernel's matrix hands out. */
    public DeviceVectorRange deviceVectors() {
        return matrix.range();
    }

    /** The CPU whose APIC ID is {@code apicId}, or -1. */
    public int cpuWithApicId(int apicId) {
        int i = Arrays.binarySearch(apicIdsSorted, apicId);
        return i < 0 ? -1 : cpuOfSorted[i];
    }

    /** Every CPU: the default affinity. */
    public CpuSet allCpus() {
        return allCpus;
    }

    /** The CPUs a compatibility-format message this kernel composes can name by their destination id. */
    public CpuSet compatibilityCpus() {
        return compatibilityCpus;
    }

    // ---- alloc and free

    /**
     * Gives {@code owner} an irq number and a vector on a CPU of {@code mask}, by the matrix rule.
     *
     * @return the allocation, or null when no CPU of the mask has a free vector ({@link #exhausted()})
     */
    public VectorAllocation allocate(CpuSet mask, O owner) {
        int packed = matrix.allocate(mask);
        if (packed < 0) {
            return null;
        }
        VectorAllocation allocation = new VectorAllocation(packed >>> 8, packed & 0xFF, virqs.allocate());
        Object[] row = owners[allocation.cpu()];
        if (row == null) {
            row = owners[allocation.cpu()] = new Object[VectorMatrix.VECTORS_PER_CPU];
        }
        row[allocation.vector()] = owner;
        if (allocation.virq() >= byVirq.length) {
            byVirq = Arrays.copyOf(byVirq, Math.max(byVirq.length * 2, allocation.virq() + 1));
        }
        byVirq[allocation.virq()] = owner;
        return allocation;
    }

    /**
     * Gives {@code owner} legacy irq {@code irq} (0 to 15) and a vector on a CPU of {@code mask} by the
     * matrix rule, as a legacy irq the IOAPIC takes over gets one when it is started.
     *
     * @return the allocation, or null when no CPU of the mask has a free vector
     */
    public VectorAllocation allocateLegacy(CpuSet mask, int irq, O owner) {
        int packed = matrix.allocate(mask);
        if (packed < 0) {
            return null;
        }
        virqs.allocateLegacy(irq);
        return own(new VectorAllocation(packed >>> 8, packed & 0xFF, irq), owner);
    }

    /**
     * Gives {@code owner} legacy irq {@code irq} on {@code vector} of {@code cpu} itself: the ISA vector an
     * irq keeps when it was already running before the IOAPIC took it over (the timer's 0x30 on CPU 0).
     *
     * @return the allocation, or null when that vector is taken or not a device vector
     */
    public VectorAllocation allocateLegacyAt(int cpu, int vector, int irq, O owner) {
        if (!matrix.allocateAt(cpu, vector)) {
            return null;
        }
        virqs.allocateLegacy(irq);
        return own(new VectorAllocation(cpu, vector, irq), owner);
    }

    private VectorAllocation own(VectorAllocation allocation, O owner) {
        Object[] row = owners[allocation.cpu()];
        if (row == null) {
            row = owners[allocation.cpu()] = new Object[VectorMatrix.VECTORS_PER_CPU];
        }
        row[allocation.vector()] = owner;
        byVirq[allocation.virq()] = owner;
        return allocation;
    }

    /** The errno of an allocation no CPU of the mask can serve. */
    public Errno exhausted() {
        return Errno.ENOSPC;
    }

    /** Undoes {@link #allocate}, newest change first: the owner, the irq number, the vector. */
    public void free(VectorAllocation allocation) {
        owners[allocation.cpu()][allocation.vector()] = null;
        byVirq[allocation.virq()] = null;
        virqs.free(allocation.virq());
        matrix.free(allocation.cpu(), allocation.vector());
    }

    // ---- compose

    /**
     * The compatibility-format message for an allocation's CPU and vector, as this kernel composes it:
     * the CPU's destination id, with the destination mode bit set when the kernel names CPUs logically.
     */
    public Message compose(VectorAllocation allocation) {
        return Message.compatibility(destinationIds[allocation.cpu()], allocation.vector(), destinationMode.logical(),
                extendedDestination);
    }

    // ---- owners

    /** The interrupt that owns {@code vector} on {@code cpu}, or null. */
    @SuppressWarnings("unchecked")
    public O owner(int cpu, int vector) {
        Object[] row = owners[cpu];
        return row == null ? null : (O) row[vector];
    }

    /** Whether any interrupt owned a vector on {@code cpu}: most CPUs of a large host never do, and need no walk. */
    public boolean ownsVectorsOn(int cpu) {
        return owners[cpu] != null;
    }

    /** The interrupt with irq number {@code virq}, or null. */
    @SuppressWarnings("unchecked")
    public O interrupt(int virq) {
        return virq >= 0 && virq < byVirq.length ? (O) byVirq[virq] : null;
    }

    /** Every interrupt, by irq number. */
    @SuppressWarnings("unchecked")
    public void forEachInterrupt(Consumer<? super O> action) {
        for (Object owner : byVirq) {
            if (owner != null) {
                action.accept((O) owner);
            }
        }
    }

    /** Whether the matrix has handed out {@code vector} on {@code cpu}. */
    public boolean isAllocated(int cpu, int vector) {
        return matrix.isAllocated(cpu, vector);
    }

    /** Whether {@code cpu} has every device vector free. */
    public boolean allFree(int cpu) {
        return matrix.freeVectors(cpu) == matrix.deviceVectorsPerCpu();
    }

    /** The irq numbers in use, in increasing order. */
    public int[] allocatedVirqs() {
        return virqs.allocated();
    }
}
