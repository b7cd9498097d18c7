package dev.irqtopo.cli;

import dev.irqtopo.cli.report.ReportJson;
import dev.irqtopo.cli.report.SimulationText;
import dev.irqtopo.runtime.sim.Simulation;
import dev.irqtopo.runtime.sim.SimulationReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
final class SimulateCommand implements Callable<Integer> {

    @Mixin
    PlatformSelection selection;

    @Option(names = "--json", description = "print the stable JSON report instead of text")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PlatformSelection.Loaded loaded = selection.load(spec.commandLine().getErr());
        if (!loaded.ok()) {
            return loaded.exitCode();
        }
        List<SimulationReport> reports = loaded.platforms().stream().map(Simulation::run).toList();
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? ReportJson.write(ReportJson.simulation(reports)) : SimulationText.render(reports));
        out.flush();
        return IrqtopoCommand.OK;
    }
}
