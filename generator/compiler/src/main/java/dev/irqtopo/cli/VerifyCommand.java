package dev.irqtopo.cli;

import dev.irqtopo.cli.report.ReportJson;
import dev.irqtopo.cli.report.VerificationText;
import dev.irqtopo.runtime.isolation.IsolationReport;
import dev.irqtopo.runtime.isolation.Verification;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code irqtopo verify FILE}: boots each platform and decides, over the whole message space, whether a
 * guest that writes arbitrary messages into storage it controls can reach anyone else's interrupts.
 */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Decide whether every guest is isolated; print a counterexample for each breach.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every platform is isolated", "1:errors in the file",
            "2:usage error, or a file that cannot be read", "3:a platform has a breach"})
final class VerifyCommand implements Callable<Integer> {

    static final int BREACH = 3;

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
        List<IsolationReport> reports = loaded.platforms().stream().map(Verification::run).toList();
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? ReportJson.write(ReportJson.verification(reports)) : VerificationText.render(reports));
        out.flush();
        return reports.stream().allMatch(IsolationReport::isolated) ? IrqtopoCommand.OK : BREACH;
    }
}
