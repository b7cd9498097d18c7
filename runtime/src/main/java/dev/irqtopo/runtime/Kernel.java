package dev.irqtopo.runtime;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.runtime.vector.CpuSet;
import dev.irqtopo.runtime.vector.VectorMatrix;
import dev.irqtopo.runtime.vector.VirqSpace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A kernel on the platform: the host or one guest. It has one vector domain over its CPUs (a guest's
 * vCPUs have APIC IDs equal to their numbers), hands out irq numbers from 24, and knows which of its
 * interrupts owns each CPU vector. Its stacks allocate and free through it.
 */
public final class Kernel {

    /** The host kernel's name in every report. */
    public static final String HOST = "host";

    private final Platform platform;
    private final String name;
    private final int[] apicIds;
    /** APIC IDs in increasing order with the CPU that has each, to find a message's destination. */
    private final int[] apicIdsSorted;
    private final int[] cpuOfSorted;
    /** The largest APIC ID this kernel can put into a compatibility-format message. */
    private final int compatLimit;
    private final boolean extendedDestination;

    final VectorMatrix vectors;
    final VirqSpace virqs = new VirqSpace();
    final CpuSet allCpus;
    /** The CPUs whose APIC ID a compatibility-format message this kernel composes can carry. */
    final CpuSet compatCpus;
    private final Irq[][] owners;
    private final Map<Integer, Irq> irqs = new TreeMap<>();
    private final List<Stack> stacks = new ArrayList<>();

    Kernel(Platform platform, String name, int[] apicIds, boolean extendedDestination) {
        this.platform = platform;
        this.name = name;
        this.apicIds = apicIds.clone();
        this.extendedDestination = extendedDestination;
        this.compatLimit = extendedDestination ? 0x7FFF : 0xFF;
        int cpus = apicIds.length;
        this.vectors = new VectorMatrix(cpus);
        this.allCpus = CpuSet.all(cpus);
        this.compatCpus = new CpuSet(cpus);
        Integer[] order = new Integer[cpus];
        for (int cpu = 0; cpu < cpus; cpu++) {
            order[cpu] = cpu;
            if (apicIds[cpu] <= compatLimit) {
                compatCpus.add(cpu);
            }
        }
        Arrays.sort(order, (a, b) -> Integer.compare(apicIds[a], apicIds[b]));
        this.apicIdsSorted = new int[cpus];
        this.cpuOfSorted = new int[cpus];
        for (int i = 0; i < cpus; i++) {
            cpuOfSorted[i] = order[i];
            apicIdsSorted[i] = apicIds[order[i]];
        }
        this.owners = new Irq[cpus][];
    }

    public String name() {
        return name;
    }

    public boolean isHost() {
        return HOST.equals(name);
    }

    /** CPUs (a guest: vCPUs). */
    public int cpus() {
        return apicIds.length;
    }

    public int apicId(int cpu) {
        Objects.checkIndex(cpu, apicIds.length);
        return apicIds[cpu];
    }

    /** The stacks this kernel declared, in declaration order. */
    public List<Stack> stacks() {
        return Collections.unmodifiableList(stacks);
    }

    /** The stack this kernel built for a device's bus domain, if it declared one. */
    public Optional<Stack> stack(String device, BusDomainKind busDomain) {
        for (Stack stack : stacks) {
            if (stack.device().equals(device) && stack.busDomain() == busDomain) {
                return Optional.of(stack);
            }
        }
        return Optional.empty();
    }

    /** The interrupts this kernel owns, by irq number. */
    public List<AllocatedInterrupt> interrupts() {
        return platform.lock().read(() -> {
            List<AllocatedInterrupt> views = new ArrayList<>();
            for (Irq irq : irqs.values()) {
                views.add(irq.view());
            }
            return views;
        });
    }

    /**
     * A raw store of {@code message} into slot {@code slot} of a device this kernel owns, as a driver or
     * an attacker in the kernel would do it: the slot holds the message and is unmasked. MSI has one
     * message register, written through slot 0.
     *
     * @return empty on success; ENODEV for an unknown device or a storage it lacks; EPERM when another
     *         kernel owns the device, or when this is a guest and the hypervisor traps the storage (a
     *         trapped store is translated, which only the guest's stack does, through its Store step);
     *         EINVAL for a slot outside the storage (or other than 0 for MSI)
     */
    public Optional<Errno> write(String device, BusDomainKind busDomain, int slot, Message message) {
        Objects.requireNonNull(message);
        Device target = platform.device(device);
        DeviceStorage storage = target == null ? null : target.storage(busDomain);
        if (storage == null) {
            return Optional.of(Errno.ENODEV);
        }
        if (target.owner != this || !isHost() && platform.hypervisor().traps(storage.kind())) {
            return Optional.of(Errno.EPERM);
        }
        if (slot < 0 || slot >= storage.size() || storage.isMsi() && slot != 0) {
            return Optional.of(Errno.EINVAL);
        }
        return platform.lock().change(() -> {
            storage.write(slot, message, new Journal());
            return Optional.empty();
        });
    }

    // ---- the vector domain and irq numbers, each change journaled

    /** Whether this kernel's compatibility messages carry destination bits 14:8 in address bits 11:5. */
    boolean extendedDestination() {
        return extendedDestination;
    }

    /** The CPU whose APIC ID is {@code apicId}, or -1. */
    int cpuWithApicId(int apicId) {
        int i = Arrays.binarySearch(apicIdsSorted, apicId);
        return i < 0 ? -1 : cpuOfSorted[i];
    }

    /** Gives {@code irq} an irq number and a vector from {@code mask}; ENOSPC when no CPU of the mask has one. */
    Errno allocateVector(Irq irq, CpuSet mask, Journal journal) {
        int packed = vectors.allocate(mask);
        if (packed < 0) {
            return Errno.ENOSPC;
        }
        int cpu = packed >>> 8;
        int vector = packed & 0xFF;
        journal.record(() -> vectors.free(cpu, vector));
        int virq = virqs.allocate();
        journal.record(() -> virqs.free(virq));
        irq.assign(virq, cpu, vector);
        Irq[] row = owners[cpu];
        if (row == null) {
            row = owners[cpu] = new Irq[VectorMatrix.VECTORS_PER_CPU];
        }
        Irq[] ownersOfCpu = row;
        ownersOfCpu[vector] = irq;
        irqs.put(virq, irq);
        journal.record(() -> {
            ownersOfCpu[vector] = null;
            irqs.remove(virq);
        });
        return null;
    }

    /** The compatibility-format message for {@code irq}'s CPU and vector, as this kernel composes it. */
    Message composeCompatibility(Irq irq) {
        return Message.compatibility(apicIds[irq.cpu], irq.vector, extendedDestination);
    }

    /** The interrupt that owns {@code vector} on {@code cpu}, or null. */
    Irq owner(int cpu, int vector) {
        Irq[] row = owners[cpu];
        return row == null ? null : row[vector];
    }

    Irq irq(int virq) {
        return irqs.get(virq);
    }

    Collection<Irq> irqs() {
        return irqs.values();
    }

    void add(Stack stack) {
        stacks.add(stack);
    }

    PlatformSnapshot.KernelState state() {
        List<PlatformSnapshot.VectorState> vectorStates = new ArrayList<>();
        for (int cpu = 0; cpu < cpus(); cpu++) {
            if (vectors.freeVectors(cpu) == VectorMatrix.DEVICE_VECTORS_PER_CPU && owners[cpu] == null) {
                continue;
            }
            for (int v = 0; v < VectorMatrix.VECTORS_PER_CPU; v++) {
                Irq owner = owner(cpu, v);
                if (vectors.isAllocated(cpu, v) || owner != null) {
                    vectorStates.add(new PlatformSnapshot.VectorState(cpu, v, vectors.isAllocated(cpu, v),
                            owner == null ? -1 : owner.virq));
                }
            }
        }
        List<PlatformSnapshot.InterruptState> interruptStates = new ArrayList<>();
        for (Irq irq : irqs.values()) {
            interruptStates.add(new PlatformSnapshot.InterruptState(irq.virq, irq.describe(), irq.view(),
                    irq.injects == null ? "" : irq.injects.name() + " vCPU " + irq.injectCpu + " vector " + irq.injectVector));
        }
        return new PlatformSnapshot.KernelState(name, Arrays.stream(virqs.allocated()).boxed().toList(),
                vectorStates, interruptStates);
    }
}
