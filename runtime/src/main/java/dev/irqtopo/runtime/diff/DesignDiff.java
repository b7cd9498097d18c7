package dev.irqtopo.runtime.diff;

import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.runtime.isolation.IsolationReport;
import dev.irqtopo.runtime.isolation.Verification;
import dev.irqtopo.runtime.sim.Simulation;
import dev.irqtopo.runtime.sim.SimulationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a change to a design changes: for each platform, matched by name, its declarations, each
 * interrupt's allocation, messages and delivery as {@code simulate} reports them, and the verdict as
 * {@code verify} decides it. Platforms come in the new design's order, then those only the old one has.
 */
public record DesignDiff(List<PlatformDifference> platforms) {

    public DesignDiff {
        platforms = List.copyOf(platforms);
    }

    /** Whether anything differs. */
    public boolean differs() {
        return platforms.stream().anyMatch(PlatformDifference::differs);
    }

    /** Compares two designs' checked platforms: those of the old file, those of the new one. */
    public static DesignDiff of(List<PlatformModel> old, List<PlatformModel> now) {
        Map<String, PlatformModel> oldByName = old.stream()
                .collect(Collectors.toMap(PlatformModel::name, Function.identity()));
        List<PlatformDifference> platforms = new ArrayList<>();
        for (PlatformModel platform : now) {
            PlatformModel was = oldByName.get(platform.name());
            platforms.add(was == null ? new PlatformDifference.Added(platform.name()) : compare(was, platform));
        }
        for (PlatformModel platform : old) {
            if (now.stream().noneMatch(p -> p.name().equals(platform.name()))) {
                platforms.add(new PlatformDifference.Removed(platform.name()));
            }
        }
        return new DesignDiff(platforms);
    }

    /** Runs both sides of one platform as {@code simulate} and {@code verify} do and compares what they say. */
    public static PlatformDifference.Compared compare(PlatformModel old, PlatformModel now) {
        Side was = Side.run(old);
        Side is = Side.run(now);
        return new PlatformDifference.Compared(now.name(),
                Matching.compare(Declarations.of(old), Declarations.of(now)),
                Matching.compare(Stacks.of(old, was.simulation()), Stacks.of(now, is.simulation())),
                Matching.compare(Interrupts.of(was.simulation()), Interrupts.of(is.simulation())),
                was.verdict().isolated(), is.verdict().isolated(),
                Matching.presence(Verdicts.findings(was.verdict()), Verdicts.findings(is.verdict())),
                Matching.compare(Verdicts.assignments(was.verdict()), Verdicts.assignments(is.verdict())));
    }

    /** One platform, as one design declares it, simulated and verified. */
    private record Side(SimulationReport simulation, IsolationReport verdict) {
        static Side run(PlatformModel platform) {
            return new Side(Simulation.run(platform), Verification.run(platform));
        }
    }
}
