package dev.irqtopo.runtime;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.vector.CpuSet;
import dev.irqtopo.runtime.vector.VectorMatrix;
import dev.irqtopo.runtime.vector.VirqSpace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
    /** The interrupts by irq number; irq numbers are dense from 24, so an array indexed by them. */
    private Irq[] irqs = new Irq[VirqSpace.FIRST_VIRQ + 64];
    private final List<Stack> stacks = new ArrayList<>();
    /** Each device's stacks by bus domain ordinal: a lookup per stack at creation must not walk them all. */
    private final Map<String, Stack[]> stacksByDevice = new HashMap<>();

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
        Stack[] own = stacksByDevice.get(device);
        return own == null ? Optional.empty() : Optional.ofNullable(own[busDomain.ordinal()]);
    }

    /** The interrupts this kernel owns, by irq number. */
    public List<AllocatedInterrupt> interrupts() {
        return platform.lock().read(() -> {
            List<AllocatedInterrupt> views = new ArrayList<>();
            for (Irq irq : irqs) {
                if (irq != null) {
                    views.add(irq.view());
                }
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
        if (target.owner != this || !isHost() && !platform.hypervisor().model().guestWritesReachDevice(storage.kind())) {
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
        int virq = virqs.allocate();
        irq.assign(virq, cpu, vector);
        Irq[] row = owners[cpu];
        if (row == null) {
            row = owners[cpu] = new Irq[VectorMatrix.VECTORS_PER_CPU];
        }
        row[vector] = irq;
        if (virq >= irqs.length) {
            irqs = Arrays.copyOf(irqs, Math.max(irqs.length * 2, virq + 1));
        }
        irqs[virq] = irq;
        journal.record(() -> releaseVector(cpu, vector, virq));
        return null;
    }

    /** Undoes {@link #allocateVector}, newest change first: the owner, the irq number, the vector. */
    private void releaseVector(int cpu, int vector, int virq) {
        owners[cpu][vector] = null;
        irqs[virq] = null;
        virqs.free(virq);
        vectors.free(cpu, vector);
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

    /** Whether any interrupt owns a vector on {@code cpu}: most CPUs of a large host own none, and need no walk. */
    boolean ownsVectorsOn(int cpu) {
        return owners[cpu] != null;
    }

    /** The interrupt with irq number {@code virq}, or null. */
    Irq irq(int virq) {
        return virq >= 0 && virq < irqs.length ? irqs[virq] : null;
    }

    void add(Stack stack) {
        stacksByDevice.computeIfAbsent(stack.device(), d -> new Stack[BusDomainKind.values().length])
                [stack.busDomain().ordinal()] = stack;
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
        for (Irq irq : irqs) {
            if (irq == null) {
                continue;
            }
            interruptStates.add(new PlatformSnapshot.InterruptState(irq.virq, irq.describe(), irq.view(),
                    irq.injects == null ? "" : irq.injects.name() + " vCPU " + irq.injectCpu + " vector " + irq.injectVector));
        }
        return new PlatformSnapshot.KernelState(name, Arrays.stream(virqs.allocated()).boxed().toList(),
                vectorStates, interruptStates);
    }
}
