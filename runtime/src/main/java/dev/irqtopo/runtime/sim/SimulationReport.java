package dev.irqtopo.runtime.sim;

import java.util.List;
import java.util.Objects;

/** One platform's simulation: its stacks in boot order. */
public record SimulationReport(String platform, List<StackReport> stacks) {

    public SimulationReport {
        Objects.requireNonNull(platform);
        stacks = List.copyOf(stacks);
    }
}
