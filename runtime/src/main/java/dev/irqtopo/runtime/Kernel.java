package dev.irqtopo.runtime;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.runtime.bus.Device;
import dev.irqtopo.runtime.bus.Storage;
import dev.irqtopo.runtime.hypervisor.Hypervisor;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.stack.Interrupt;
import dev.irqtopo.runtime.vector.VectorDomain;
import dev.irqtopo.runtime.vector.VectorMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A kernel on the platform, the host or one guest: its vector domain over its CPUs (a guest's vCPUs
 * have APIC IDs equal to their numbers), its stacks, and the raw stores a driver of it may make.
 */
public final class Kernel {

    /** The host kernel's name in every report. */
    public static final String HOST = VectorDomain.HOST;

    private final VectorDomain<Interrupt> vectors;
    /** Every device of the platform by name: a raw store names its device. */
    private final Map<String, Device> devices;
    /** The hypervisor under a guest, which decides whether its stores reach a device; null for the host. */
    private final Hypervisor hypervisor;
    private final PlatformLock lock;
    private final List<Stack> stacks = new ArrayList<>();
    /** Each device's stacks by bus domain ordinal: a lookup per stack at creation must not walk them all. */
    private final Map<String, Stack[]> stacksByDevice = new HashMap<>();

    Kernel(VectorDomain<Interrupt> vectors, Map<String, Device> devices, Hypervisor hypervisor, PlatformLock lock) {
        this.vectors = vectors;
        this.devices = devices;
        this.hypervisor = hypervisor;
        this.lock = lock;
    }

    public String name() {
        return vectors.kernel();
    }

    public boolean isHost() {
        return vectors.isHost();
    }

    /** CPUs (a guest: vCPUs). */
    public int cpus() {
        return vectors.cpus();
    }

    public int apicId(int cpu) {
        return vectors.apicId(cpu);
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

    /**
     * The interrupts this kernel's stacks allocated, by irq number; those it took at boot are
     * {@link Platform#hostBoot()}'s.
     */
    public List<AllocatedInterrupt> interrupts() {
        return lock.read(() -> {
            List<AllocatedInterrupt> views = new ArrayList<>();
            vectors.forEachInterrupt(irq -> {
                if (!irq.isBootTime()) {
                    views.add(AllocatedInterrupt.of(irq));
                }
            });
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
        Device target = devices.get(device);
        Storage storage = target == null ? null : target.storage(busDomain);
        if (storage == null) {
            return Optional.of(Errno.ENODEV);
        }
        if (!target.owner().equals(name()) || !isHost() && !hypervisor.guestWritesReachDevice(storage.kind())) {
            return Optional.of(Errno.EPERM);
        }
        if (slot < 0 || slot >= storage.size() || storage.isMsi() && slot != 0) {
            return Optional.of(Errno.EINVAL);
        }
        return lock.change(() -> {
            storage.write(slot, message);
            return Optional.empty();
        });
    }

    // ---- inside the API

    VectorDomain<Interrupt> vectors() {
        return vectors;
    }

    void add(Stack stack) {
        stacksByDevice.computeIfAbsent(stack.device(), d -> new Stack[BusDomainKind.values().length])
                [stack.busDomain().ordinal()] = stack;
        stacks.add(stack);
    }

    PlatformSnapshot.KernelState state() {
        List<PlatformSnapshot.VectorState> vectorStates = new ArrayList<>();
        for (int cpu = 0; cpu < cpus(); cpu++) {
            if (vectors.allFree(cpu) && !vectors.ownsVectorsOn(cpu)) {
                continue;
            }
            for (int v = 0; v < VectorMatrix.VECTORS_PER_CPU; v++) {
                Interrupt owner = vectors.owner(cpu, v);
                if (vectors.isAllocated(cpu, v) || owner != null) {
                    vectorStates.add(new PlatformSnapshot.VectorState(cpu, v, vectors.isAllocated(cpu, v),
                            owner == null ? -1 : owner.virq()));
                }
            }
        }
        List<PlatformSnapshot.InterruptState> interruptStates = new ArrayList<>();
        vectors.forEachInterrupt(irq -> interruptStates.add(new PlatformSnapshot.InterruptState(irq.virq(), irq.describe(),
                AllocatedInterrupt.of(irq), irq.forward() == null ? ""
                        : irq.forward().guestName() + " vCPU " + irq.forward().vcpu() + " vector " + irq.forward().vector())));
        return new PlatformSnapshot.KernelState(name(), Arrays.stream(vectors.allocatedVirqs()).boxed().toList(),
                vectorStates, interruptStates);
    }
}
