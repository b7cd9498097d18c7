package dev.irqtopo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irqtopo.cli.report.ReportJson;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.runtime.sim.Simulation;
import dev.irqtopo.runtime.sim.SimulationReport;
import dev.irqtopo.runtime.sim.SimulationText;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code irqtopo simulate FILE}: boots each platform, performs every stack's allocation, fires every
 * allocated interrupt once in boot order, and reports what each one did.
 */
@Command(name = "simulate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Boot each platform, allocate every stack, fire every interrupt once and report the results.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:simulated", "1:errors in the file", "2:usage error, or a file that cannot be read"})
final class SimulateCommand extends ReportCommand<SimulationReport> {

    @Override
    SimulationReport report(PlatformModel platform) {
        return Simulation.run(platform);
    }

    @Override
    JsonNode json(List<SimulationReport> reports) {
        return ReportJson.simulation(reports);
    }

    @Override
    String text(List<SimulationReport> reports) {
        return SimulationText.render(reports);
    }

    @Override
    int exitCode(List<SimulationReport> reports) {
        return IrqtopoCommand.OK;
    }
}
