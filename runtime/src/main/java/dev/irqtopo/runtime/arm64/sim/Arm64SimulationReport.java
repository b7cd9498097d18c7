package dev.irqtopo.runtime.arm64.sim;

import java.util.List;
import java.util.Objects;

/** One arm64 platform's simulation: its stacks in boot order. */
public record Arm64SimulationReport(String platform, List<Arm64StackReport> stacks) {

    public Arm64SimulationReport {
        Objects.requireNonNull(platform);
        stacks = List.copyOf(stacks);
    }
}
