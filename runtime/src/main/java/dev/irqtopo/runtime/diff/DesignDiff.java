package dev.irqtopo.runtime.diff;

import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.PlatformDesign;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RiscvPlatformModel;
import dev.irqtopo.runtime.arm64.isolation.Arm64IsolationReport;
import dev.irqtopo.runtime.arm64.isolation.Arm64Verification;
import dev.irqtopo.runtime.arm64.sim.Arm64Simulation;
import dev.irqtopo.runtime.arm64.sim.Arm64SimulationReport;
import dev.irqtopo.runtime.isolation.IsolationReport;
import dev.irqtopo.runtime.isolation.Verification;
import dev.irqtopo.runtime.riscv64.isolation.RiscvIsolationReport;
import dev.irqtopo.runtime.riscv64.isolation.RiscvVerification;
import dev.irqtopo.runtime.riscv64.sim.RiscvSimulation;
import dev.irqtopo.runtime.riscv64.sim.RiscvSimulationReport;
import dev.irqtopo.runtime.riscv64.sim.RiscvTables;
import dev.irqtopo.runtime.sim.Simulation;
import dev.irqtopo.runtime.sim.SimulationReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a change to a design changes: for each platform, matched by name, its declarations, each
 * interrupt's allocation, messages and delivery as {@code simulate} reports them, and the verdict as
 * {@code verify} decides it. Platforms come in the new design's order, then those only the old one has.
 * x86, arm64 and riscv64 platforms are compared alike; one whose architecture changed differs in every
 * field.
 */
public record DesignDiff(List<PlatformDifference> platforms) {

    public DesignDiff {
        platforms = List.copyOf(platforms);
    }

    /** Whether anything differs. */
    public boolean differs() {
        return platforms.stream().anyMatch(PlatformDifference::differs);
    }

    /** Compares two designs' checked x86 platforms: those of the old file, those of the new one. */
    public static DesignDiff of(List<PlatformModel> old, List<PlatformModel> now) {
        return ofDesigns(List.copyOf(old), List.copyOf(now));
    }

    /** Compares two designs' checked platforms, x86, arm64 and riscv64. */
    public static DesignDiff ofDesigns(List<PlatformDesign> old, List<PlatformDesign> now) {
        Map<String, PlatformDesign> oldByName = old.stream()
                .collect(Collectors.toMap(PlatformDesign::name, Function.identity()));
        List<PlatformDifference> platforms = new ArrayList<>();
        for (PlatformDesign platform : now) {
            PlatformDesign was = oldByName.get(platform.name());
            platforms.add(was == null ? new PlatformDifference.Added(platform.name()) : compare(was, platform));
        }
        for (PlatformDesign platform : old) {
            if (now.stream().noneMatch(p -> p.name().equals(platform.name()))) {
                platforms.add(new PlatformDifference.Removed(platform.name()));
            }
        }
        return new DesignDiff(platforms);
    }

    /** Runs both sides of one platform as {@code simulate} and {@code verify} do and compares what they say. */
    public static PlatformDifference.Compared compare(PlatformDesign old, PlatformDesign now) {
        Side was = Side.run(old);
        Side is = Side.run(now);
        return new PlatformDifference.Compared(now.name(),
                Matching.compare(was.declarations(), is.declarations()),
                Matching.compare(was.stacks(), is.stacks()),
                Matching.compare(was.interrupts(), is.interrupts()),
                was.isolated(), is.isolated(),
                Matching.presence(was.findings(), is.findings()),
                Matching.compare(was.assignments(), is.assignments()));
    }

    /** One platform, as one design declares it, simulated and verified, as facts. */
    private record Side(Map<Subject.Declaration, Facts> declarations, Map<Subject.Stack, Facts> stacks,
                        Map<Subject.Interrupt, Facts> interrupts, boolean isolated,
                        Map<Subject.Breach, Facts> findings, Map<Subject.Assignment, Facts> assignments) {

        static Side run(PlatformDesign design) {
            if (design instanceof Arm64PlatformModel arm64) {
                Arm64SimulationReport simulation = Arm64Simulation.run(arm64);
                Arm64IsolationReport verdict = Arm64Verification.run(arm64);
                return new Side(Arm64Declarations.of(arm64), Arm64Runs.stacks(arm64, simulation),
                        Arm64Runs.interrupts(simulation), verdict.isolated(), Arm64Runs.findings(verdict),
                        Arm64Runs.assignments(verdict));
            }
            if (design instanceof RiscvPlatformModel riscv) {
                RiscvSimulationReport simulation = RiscvSimulation.run(riscv);
                RiscvIsolationReport verdict = RiscvVerification.run(riscv);
                // the device contexts, which no line declares, are what tables reads after the same boot
                Map<Subject.Declaration, Facts> declarations = new LinkedHashMap<>(RiscvDeclarations.of(riscv));
                declarations.putAll(RiscvDeviceContexts.of(RiscvTables.run(riscv)));
                return new Side(declarations, RiscvRuns.stacks(riscv, simulation), RiscvRuns.interrupts(simulation),
                        verdict.isolated(), RiscvVerdicts.findings(verdict), RiscvVerdicts.assignments(verdict));
            }
            PlatformModel platform = (PlatformModel) design;
            SimulationReport simulation = Simulation.run(platform);
            IsolationReport verdict = Verification.run(platform);
            return new Side(Declarations.of(platform), Stacks.of(platform, simulation), Interrupts.of(simulation),
                    verdict.isolated(), Verdicts.findings(verdict), Verdicts.assignments(verdict));
        }
    }
}
