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
 * fails only where a verdict differs, naming the platform and why: the counterexamples of a breach
 * nobody expected, or an expected breach that is not there.
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
                String why = report.platform() + " is isolated, but the platform expects a breach";
                log.error("irqtopo: " + why);
                differences.add(why);
            } else {
                for (String line : VerificationText.render(report).split("\n")) {
                    log.error(line);
                }
                differences.add("isolation breach in " + report.platform()
                        + ", which expects none; the counterexamples are above");
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
