package dev.irqtopo.cli.report;

import dev.irqtopo.runtime.isolation.Finding;
import dev.irqtopo.runtime.isolation.IsolationReport;
import java.util.List;

/** {@code verify} for people: a verdict per platform, then each breach with its counterexample path. */
public final class VerificationText {

    private VerificationText() {
    }

    public static String render(List<IsolationReport> reports) {
        StringBuilder out = new StringBuilder();
        for (IsolationReport report : reports) {
            out.append("platform ").append(report.platform()).append(": ");
            if (report.isolated()) {
                out.append("isolated\n");
                continue;
            }
            int n = report.findings().size();
            out.append("BREACH (").append(n).append(n == 1 ? " finding" : " findings").append(")\n");
            for (Finding f : report.findings()) {
                out.append("  ").append(f.guest()).append(" via ").append(f.device()).append('.')
                        .append(f.means().keyword()).append(" reaches ").append(f.victim()).append('\n');
                out.append("    message ").append(f.message().addressHex()).append(' ').append(f.message().dataHex())
                        .append(" from requester id ").append(f.requesterId()).append('\n');
                int step = 1;
                for (String line : f.path()) {
                    out.append("    ").append(step++).append(". ").append(line).append('\n');
                }
            }
        }
        return out.toString();
    }
}
