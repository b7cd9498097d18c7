package dev.irqtopo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irqtopo.cli.report.Arm64Json;
import dev.irqtopo.cli.report.ReportJson;
import dev.irqtopo.cli.report.RiscvJson;
import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RiscvPlatformModel;
import dev.irqtopo.runtime.arm64.sim.Arm64Simulation;
import dev.irqtopo.runtime.arm64.sim.Arm64SimulationReport;
import dev.irqtopo.runtime.arm64.sim.Arm64SimulationText;
import dev.irqtopo.runtime.riscv64.sim.RiscvSimulation;
import dev.irqtopo.runtime.riscv64.sim.RiscvSimulationReport;
import dev.irqtopo.runtime.riscv64.sim.RiscvSimulationText;
import dev.irqtopo.runtime.sim.Simulation;
import dev.irqtopo.runtime.sim.SimulationReport;
import dev.irqtopo.runtime.sim.SimulationText;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code irqtopo simulate FILE}: boots each platform, performs every stack's allocation, fires every
 * allocated interrupt once in boot order, and reports what each one did.
 */
final class SimulateCommand extends DesignReportCommand<SimulationReport, Arm64SimulationReport, RiscvSimulationReport> {
    @Override
    CommandSpec declaration() {
        return Declaration.command(this, "simulate",
                new String[] {"Boot each platform, allocate every stack, fire every interrupt once and report the"
                        + " results."},
                "0:simulated", "1:errors in the file", "2:usage error, or a file that cannot be read");
    }


    @Override
    SimulationReport report(PlatformModel platform) {
        return Simulation.run(platform);
    }

    @Override
    Arm64SimulationReport arm64Report(Arm64PlatformModel platform) {
        return Arm64Simulation.run(platform);
    }

    @Override
    JsonNode json(List<SimulationReport> reports) {
        return ReportJson.simulation(reports);
    }

    @Override
    JsonNode arm64Json(List<Arm64SimulationReport> reports) {
        return Arm64Json.simulation(reports);
    }

    @Override
    String text(List<SimulationReport> reports) {
        return SimulationText.render(reports);
    }

    @Override
    String arm64Text(List<Arm64SimulationReport> reports) {
        return Arm64SimulationText.render(reports);
    }

    @Override
    boolean asExpected(SimulationReport report) {
        return true;
    }

    @Override
    boolean arm64AsExpected(Arm64SimulationReport report) {
        return true;
    }

    @Override
    RiscvSimulationReport riscv64Report(RiscvPlatformModel platform) {
        return RiscvSimulation.run(platform);
    }

    @Override
    JsonNode riscv64Json(List<RiscvSimulationReport> reports) {
        return RiscvJson.simulation(reports);
    }

    @Override
    String riscv64Text(List<RiscvSimulationReport> reports) {
        return RiscvSimulationText.render(reports);
    }

    @Override
    boolean riscv64AsExpected(RiscvSimulationReport report) {
        return true;
    }

    @Override
    int unexpected() {
        return IrqtopoCommand.OK;
    }
}
