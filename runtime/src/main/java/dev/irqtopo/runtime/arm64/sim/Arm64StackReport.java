package dev.irqtopo.runtime.arm64.sim;

import dev.irqtopo.runtime.arm64.Arm64StackResult;
import java.util.List;
import java.util.Objects;

/** One stack after boot, and each interrupt it allocated, fired, in slot order. */
public record Arm64StackReport(Arm64StackResult stack, List<Arm64InterruptReport> interrupts) {

    public Arm64StackReport {
        Objects.requireNonNull(stack);
        interrupts = List.copyOf(interrupts);
        if (interrupts.size() != stack.interrupts().size()) {
            throw new IllegalArgumentException("a report fires exactly the interrupts its stack allocated");
        }
    }
}
