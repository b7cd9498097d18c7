package dev.irqtopo.runtime.isolation;

import java.util.List;
import java.util.Optional;

/**
 * {@code verify} for people: per platform its verdict beside the one it expects, each breach with its
 * class, special modes and counterexample path, then each assignment with Linux's verdict beside the
 * exact one.
 */
public final class VerificationText {

    private VerificationText() {
    }

    public static String render(List<IsolationReport> reports) {
        StringBuilder out = new StringBuilder();
        reports.forEach(report -> out.append(render(report)));
        return out.toString();
    }

    /** One platform: its verdict line, its findings, its assignments. */
    public static String render(IsolationReport report) {
        StringBuilder out = new StringBuilder(verdict(report)).append('\n');
        for (Finding f : report.findings()) {
            finding(f, out);
        }
        if (!report.assignments().isEmpty()) {
            out.append("  assignments, the exact verdict beside Linux's:\n");
            for (Assignment a : report.assignments()) {
                List<String> lines = AssignmentText.lines(a, firstBreach(report, a));
                out.append("    ").append(lines.get(0)).append('\n');
                lines.stream().skip(1).forEach(line -> out.append("      ").append(line).append('\n'));
            }
        }
        return out.toString();
    }

    /**
     * {@code platform WhiteRabbit: BREACH, as expected (1 finding)}, or {@code platform P: isolated, but
     * breach expected}.
     */
    public static String verdict(IsolationReport report) {
        StringBuilder line = new StringBuilder("platform ").append(report.platform()).append(": ")
                .append(report.isolated() ? "isolated" : "BREACH")
                .append(report.asExpected() ? ", as expected" : ", but " + report.expected().keyword() + " expected");
        int n = report.findings().size();
        if (n > 0) {
            line.append(" (").append(n).append(n == 1 ? " finding" : " findings").append(')');
        }
        return line.toString();
    }

    /**
     * A finding in one line, for a place that has room for no more (a build failure's message):
     * {@code vm0 reaches the host through vf's DMA with 0x00000000fee00000 0x00000000 from requester id
     * 03:00.1 (class no-remapping)}.
     */
    public static String counterexample(Finding f) {
        return f.guest() + " reaches " + FindingWords.victim(f.victim()) + " through " + FindingWords.means(f)
                + " with " + f.message().addressHex() + ' ' + f.message().dataHex() + " from requester id "
                + f.requesterId() + " (class " + f.findingClass().keyword() + ")";
    }

    private static void finding(Finding f, StringBuilder out) {
        out.append("  ").append(f.guest()).append(" reaches ").append(FindingWords.victim(f.victim()))
                .append(" through ").append(FindingWords.means(f)).append('\n');
        out.append("    class ").append(f.findingClass().keyword()).append(": ").append(FindingWords.why(f)).append('\n');
        if (!f.special().isEmpty()) {
            out.append("    special: ").append(FindingWords.modes(f.special()))
                    .append(f.special().size() == 1 ? " reaches " : " reach ")
                    .append(FindingWords.victim(f.victim())).append(" too\n");
        }
        out.append("    message ").append(f.message().addressHex()).append(' ').append(f.message().dataHex())
                .append(" from requester id ").append(f.requesterId()).append('\n');
        int step = 1;
        for (String line : f.path()) {
            out.append("    ").append(step++).append(". ").append(line).append('\n');
        }
    }

    /** The first finding through the assignment's device: the host first, then guests, lowest means first. */
    private static Optional<Finding> firstBreach(IsolationReport report, Assignment a) {
        return report.findings().stream()
                .filter(f -> f.guest().equals(a.guest()) && f.device().equals(a.device()))
                .findFirst();
    }
}
