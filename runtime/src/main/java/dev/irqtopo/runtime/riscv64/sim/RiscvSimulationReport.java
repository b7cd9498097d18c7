package dev.irqtopo.runtime.riscv64.sim;

import java.util.List;
import java.util.Objects;

/** One riscv64 platform's simulation: its harts (each with the IPI identity), its stacks in boot order. */
public record RiscvSimulationReport(String platform, int harts, List<RiscvStackReport> stacks) {

    public RiscvSimulationReport {
        Objects.requireNonNull(platform);
        stacks = List.copyOf(stacks);
    }
}
