package dev.irqtopo.runtime;

import dev.irqtopo.runtime.message.Message;
import java.util.OptionalInt;

/**
 * One allocated interrupt of one kernel: its irq number, CPU and vector, the storage slot it uses,
 * what its stack composed, and the journal that undoes its allocation. A host-side interrupt made for
 * a guest (by trap or hypercall) has no stack of its own and injects a guest vector instead of
 * running a handler.
 */
final class Irq {

    final Kernel kernel;
    /** The stack that allocated it; null for a host-side interrupt made for a guest. */
    final Stack stack;
    final Device device;
    final DeviceStorage storage;
    final int slot;
    /**
     * Undoes the allocation; null for a host-side interrupt made for a guest, whose changes go to the
     * journal of the guest interrupt it serves.
     */
    final Journal teardown;

    int virq = -1;
    int cpu = -1;
    int vector = -1;
    Message composed;
    /** The remap entry the hardware uses for this interrupt, or -1. */
    int remapIndex = -1;
    /** For a multi-message MSI block: the shared part of the allocation (entries, storage). */
    MsiBlock block;

    /** For a host-side interrupt: the guest, vCPU and guest vector its handler injects. */
    Kernel injects;
    int injectCpu = -1;
    int injectVector = -1;

    /**
     * This interrupt's outcome when its own handler runs, made with its vector so that routing only
     * reads; null for a forwarding interrupt, whose deliveries are its guest interrupt's.
     */
    private Delivery.Delivered delivered;

    Irq(Kernel kernel, Stack stack, Device device, DeviceStorage storage, int slot) {
        this.kernel = kernel;
        this.stack = stack;
        this.device = device;
        this.storage = storage;
        this.slot = slot;
        this.teardown = stack == null ? null : new Journal();
    }

    /** A host-side interrupt that forwards to {@code guest}'s vCPU and vector. */
    static Irq forwarding(Kernel host, Irq guest, int vcpu, int guestVector) {
        Irq irq = new Irq(host, null, guest.device, guest.storage, guest.slot);
        irq.injects = guest.kernel;
        irq.injectCpu = vcpu;
        irq.injectVector = guestVector;
        return irq;
    }

    /** Takes irq number {@code virq} and {@code vector} on {@code cpu}. */
    void assign(int virq, int cpu, int vector) {
        this.virq = virq;
        this.cpu = cpu;
        this.vector = vector;
        // a forwarding handler never runs as its own: what reaches it lands on the guest interrupt
        this.delivered = injects == null ? new Delivery.Delivered(kernel.name(), cpu, vector, virq) : null;
    }

    /**
     * The outcome when this interrupt's own handler runs: one shared instance, so delivery allocates
     * nothing. Firing reads it without the lock, which is why it is made in {@link #assign}, under the
     * lock, and never here.
     */
    Delivery.Delivered delivered() {
        return delivered;
    }

    AllocatedInterrupt view() {
        return new AllocatedInterrupt(slot, virq, cpu, vector,
                remapIndex < 0 ? OptionalInt.empty() : OptionalInt.of(remapIndex), composed);
    }

    /** {@code "host irq 24 (dev msix slot 0)"}, or for a host-side one {@code "host irq 26 (for vm1 adi2 ims slot 0)"}. */
    String describe() {
        return kernel.name() + " irq " + virq + " (" + (injects == null ? "" : "for " + injects.name() + " ")
                + device.name() + " " + storage.busDomain().keyword() + " slot " + slot + ")";
    }
}
