package dev.irqtopo.runtime.riscv64.sim;

import dev.irqtopo.runtime.riscv64.RiscvStackResult;
import java.util.List;
import java.util.Objects;

/** One stack after boot, and each interrupt it allocated, fired, in slot order. */
public record RiscvStackReport(RiscvStackResult stack, List<RiscvInterruptReport> interrupts) {

    public RiscvStackReport {
        Objects.requireNonNull(stack);
        interrupts = List.copyOf(interrupts);
        if (interrupts.size() != stack.interrupts().size()) {
            throw new IllegalArgumentException("a report fires exactly the interrupts its stack allocated");
        }
    }
}
