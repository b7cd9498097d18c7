package dev.irqtopo.runtime.sim;

import dev.irqtopo.runtime.AllocatedInterrupt;
import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.message.Message;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One allocated interrupt after boot, and what happened when its device fired it: the interrupt as its
 * stack allocated it, plus what firing adds.
 *
 * @param stored        what the device emits for this slot (for MSI slot i, the block's message with i
 *                      in data's low bits); empty when the slot was never written
 * @param delivery      what happened to it
 * @param host          the host interrupt behind it; empty when the host allocated none for it
 * @param notSentReason why firing sent nothing, for a delivery that is {@code not_sent}
 */
public record InterruptReport(AllocatedInterrupt interrupt, Optional<Message> stored, Delivery delivery,
                              Optional<HostInterrupt> host, Optional<NotSentReason> notSentReason) {

    public InterruptReport {
        Objects.requireNonNull(interrupt);
        Objects.requireNonNull(stored);
        Objects.requireNonNull(delivery);
        Objects.requireNonNull(host);
        Objects.requireNonNull(notSentReason);
        if (notSentReason.isPresent() && !(delivery instanceof Delivery.NotSent)) {
            throw new IllegalArgumentException("a reason for sending nothing with a delivery that is " + delivery.outcome());
        }
    }

    /** An interrupt reported without its host side or a reason. */
    public InterruptReport(AllocatedInterrupt interrupt, Optional<Message> stored, Delivery delivery) {
        this(interrupt, stored, delivery, Optional.empty(), Optional.empty());
    }

    public int slot() {
        return interrupt.slot();
    }

    public int virq() {
        return interrupt.virq();
    }

    /** This kernel's CPU (a guest's vCPU). */
    public int cpu() {
        return interrupt.cpu();
    }

    /** This kernel's vector. */
    public int vector() {
        return interrupt.vector();
    }

    /** The remap entry the hardware uses, if any. */
    public OptionalInt remapIndex() {
        return interrupt.remapIndex();
    }

    /** What this kernel's stack composed, or got back from the hypercall. */
    public Message composed() {
        return interrupt.composed();
    }
}
