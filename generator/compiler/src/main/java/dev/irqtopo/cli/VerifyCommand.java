package dev.irqtopo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irqtopo.cli.report.ReportJson;
import dev.irqtopo.cli.report.VerificationText;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.runtime.isolation.IsolationReport;
import dev.irqtopo.runtime.isolation.Verification;
import java.util.List;
import picocli.CommandLine.Command;

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
final class VerifyCommand extends ReportCommand<IsolationReport> {

    static final int BREACH = 3;

    @Override
    IsolationReport report(PlatformModel platform) {
        return Verification.run(platform);
    }

    @Override
    JsonNode json(List<IsolationReport> reports) {
        return ReportJson.verification(reports);
    }

    @Override
    String text(List<IsolationReport> reports) {
        return VerificationText.render(reports);
    }

    @Override
    int exitCode(List<IsolationReport> reports) {
        return reports.stream().allMatch(IsolationReport::isolated) ? IrqtopoCommand.OK : BREACH;
    }
}
