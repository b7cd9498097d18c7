package dev.irqtopo.runtime.sim;

import java.util.List;
import java.util.Objects;

/**
 * One platform's simulation: its stacks in boot order, and the interrupts the host took at boot before
 * them (none under the design profile).
 */
public record SimulationReport(String platform, List<StackReport> stacks, List<BootInterrupt> boot) {

    public SimulationReport {
        Objects.requireNonNull(platform);
        stacks = List.copyOf(stacks);
        boot = List.copyOf(boot);
    }

    /** A simulation whose host took nothing at boot. */
    public SimulationReport(String platform, List<StackReport> stacks) {
        this(platform, stacks, List.of());
    }
}
