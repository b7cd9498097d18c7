package dev.irqtopo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irqtopo.cli.report.Arm64Json;
import dev.irqtopo.cli.report.ReportJson;
import dev.irqtopo.cli.report.RiscvJson;
import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RiscvPlatformModel;
import dev.irqtopo.runtime.arm64.isolation.Arm64IsolationReport;
import dev.irqtopo.runtime.arm64.isolation.Arm64Verification;
import dev.irqtopo.runtime.arm64.isolation.Arm64VerificationText;
import dev.irqtopo.runtime.isolation.IsolationReport;
import dev.irqtopo.runtime.isolation.Verification;
import dev.irqtopo.runtime.isolation.VerificationText;
import dev.irqtopo.runtime.riscv64.isolation.RiscvIsolationReport;
import dev.irqtopo.runtime.riscv64.isolation.RiscvVerification;
import dev.irqtopo.runtime.riscv64.isolation.RiscvVerificationText;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code irqtopo verify FILE}: boots each platform and decides, over the whole message space, whether a
 * guest that makes its devices emit whatever it can reach anyone else's interrupts, and whether that is
 * what each platform expects.
 */
final class VerifyCommand extends DesignReportCommand<IsolationReport, Arm64IsolationReport, RiscvIsolationReport> {

    /** A verdict differs from its platform's {@code expect} line: an unexpected breach, or a breach that went missing. */
    static final int UNEXPECTED_VERDICT = 3;

    @Override
    CommandSpec declaration() {
        return Declaration.command(this, "verify",
                new String[] {"Decide whether every guest is isolated; print a counterexample for each breach, and"
                        + " Linux's verdict beside the exact one for every assigned device."},
                "0:every platform's verdict is the one it expects (expect; without it, isolated)",
                "1:errors in the file",
                "2:usage error, or a file that cannot be read",
                "3:a platform's verdict differs from the one it expects");
    }

    @Override
    IsolationReport report(PlatformModel platform) {
        return Verification.run(platform);
    }

    @Override
    Arm64IsolationReport arm64Report(Arm64PlatformModel platform) {
        return Arm64Verification.run(platform);
    }

    @Override
    JsonNode json(List<IsolationReport> reports) {
        return ReportJson.verification(reports);
    }

    @Override
    JsonNode arm64Json(List<Arm64IsolationReport> reports) {
        return Arm64Json.verification(reports);
    }

    @Override
    String text(List<IsolationReport> reports) {
        return VerificationText.render(reports);
    }

    @Override
    String arm64Text(List<Arm64IsolationReport> reports) {
        return Arm64VerificationText.render(reports);
    }

    @Override
    boolean asExpected(IsolationReport report) {
        return report.asExpected();
    }

    @Override
    boolean arm64AsExpected(Arm64IsolationReport report) {
        return report.asExpected();
    }

    @Override
    RiscvIsolationReport riscv64Report(RiscvPlatformModel platform) {
        return RiscvVerification.run(platform);
    }

    @Override
    JsonNode riscv64Json(List<RiscvIsolationReport> reports) {
        return RiscvJson.verification(reports);
    }

    @Override
    String riscv64Text(List<RiscvIsolationReport> reports) {
        return RiscvVerificationText.render(reports);
    }

    @Override
    boolean riscv64AsExpected(RiscvIsolationReport report) {
        return report.asExpected();
    }

    @Override
    int unexpected() {
        return UNEXPECTED_VERDICT;
    }
}
