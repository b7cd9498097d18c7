package dev.irqtopo.maven;

import dev.irqtopo.runtime.isolation.IsolationReport;
import dev.irqtopo.runtime.isolation.VerificationText;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * {@code verify=true}: each platform's isolation verdict against the one its {@code expect} line asks
 * for (without one, isolated). A platform meant to show a breach passes when it shows one; the build
 * fails only where a verdict differs. The failure names each such platform, what it expected and what
 * it got, with the first finding of a breach nobody expected as its counterexample (the log above it
 * holds every finding with its path).
 */
final class VerdictCheck {

    private VerdictCheck() {
    }

    static void check(List<IsolationReport> reports, Log log) throws MojoFailureException {
        List<String> differences = new ArrayList<>();
        for (IsolationReport report : reports) {
            if (report.asExpected()) {
                if (!report.isolated()) {
                    log.info("irqtopo: " + VerificationText.verdict(report));
                }
            } else if (report.isolated()) {
                String why = VerificationText.verdict(report) + ": no guest reaches an interrupt it does not own";
                log.error("irqtopo: " + why);
                differences.add(why);
            } else {
                for (String line : VerificationText.render(report).split("\n")) {
                    log.error(line);
                }
                differences.add(VerificationText.verdict(report) + ": "
                        + VerificationText.counterexample(report.findings().get(0))
                        + (report.findings().size() == 1 ? "" : ", and more above"));
            }
        }
        if (!differences.isEmpty()) {
            throw new MojoFailureException("irqtopo: " + String.join("; ", differences));
        }
        int n = reports.size();
        long breaches = reports.stream().filter(r -> !r.isolated()).count();
        log.info("irqtopo: " + n + (n == 1 ? " platform" : " platforms") + " verified: " + (breaches == 0
                ? "every guest is isolated"
                : "every verdict is the expected one (" + breaches + (breaches == 1 ? " breach" : " breaches")
                        + " expected)"));
    }
}
