package dev.irqtopo.runtime;

import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.stack.Interrupt;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One interrupt a stack allocated, as its kernel sees it.
 *
 * @param slot       the storage slot (MSI message number, MSI-X table entry, IMS slot)
 * @param virq       the kernel's Linux irq number
 * @param cpu        the kernel's CPU (a guest's vCPU)
 * @param vector     the kernel's vector on that CPU
 * @param remapIndex the remap entry the hardware uses for this interrupt, if any: the host's entry for a
 *                   guest interrupt that was trapped or allocated by hypercall; empty when none exists
 *                   (no remapping, or a trapped store the hypervisor dropped)
 * @param composed   what this kernel's stack composed, or got back from the compose hypercall
 */
public record AllocatedInterrupt(int slot, int virq, int cpu, int vector, OptionalInt remapIndex, Message composed) {

    public AllocatedInterrupt {
        Objects.requireNonNull(remapIndex);
        Objects.requireNonNull(composed);
    }

    /** The view of an interrupt the engine holds. */
    static AllocatedInterrupt of(Interrupt irq) {
        return new AllocatedInterrupt(irq.slot(), irq.virq(), irq.cpu(), irq.vector(), irq.remapIndex(), irq.composed());
    }
}
