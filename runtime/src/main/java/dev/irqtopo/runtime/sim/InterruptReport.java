package dev.irqtopo.runtime.sim;

import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.message.Message;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One allocated interrupt after boot, and what happened when its device fired it.
 *
 * @param cpu        this kernel's CPU (a guest's vCPU)
 * @param vector     this kernel's vector
 * @param remapIndex the remap entry the hardware uses, if any
 * @param composed   what this kernel's stack composed, or got back from the hypercall
 * @param stored     what the device emits for this slot (for MSI slot i, the block's message with i in
 *                   data's low bits); empty when the slot was never written
 */
public record InterruptReport(int slot, int virq, int cpu, int vector, OptionalInt remapIndex,
                              Message composed, Optional<Message> stored, Delivery delivery) {

    public InterruptReport {
        Objects.requireNonNull(remapIndex);
        Objects.requireNonNull(composed);
        Objects.requireNonNull(stored);
        Objects.requireNonNull(delivery);
    }
}
