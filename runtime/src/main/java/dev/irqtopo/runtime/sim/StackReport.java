package dev.irqtopo.runtime.sim;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.runtime.AllocatedInterrupt;
import dev.irqtopo.runtime.StackResult;
import dev.irqtopo.runtime.message.Errno;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One stack after boot: what booting did with it, and each interrupt it allocated, fired.
 *
 * @param interrupts every interrupt of the stack's allocation, in slot order, with what firing it did
 */
public record StackReport(StackResult stack, List<InterruptReport> interrupts) {

    public StackReport {
        Objects.requireNonNull(stack);
        interrupts = List.copyOf(interrupts);
        List<AllocatedInterrupt> fired = interrupts.stream().map(InterruptReport::interrupt).toList();
        if (!fired.equals(stack.allocation().interrupts())) {
            throw new IllegalArgumentException("a report fires exactly the interrupts its stack allocated");
        }
    }

    /** {@code "host"} or the guest's name. */
    public String kernel() {
        return stack.kernel();
    }

    public String device() {
        return stack.device();
    }

    public BusDomainKind storage() {
        return stack.storage();
    }

    /** The chain's elements as written. */
    public List<String> chain() {
        return stack.chain();
    }

    /** False only when domain creation failed. */
    public boolean created() {
        return stack.created();
    }

    /** The creation or allocation failure; a failed stack has no interrupts. */
    public Optional<Errno> errno() {
        return stack.errno();
    }
}
