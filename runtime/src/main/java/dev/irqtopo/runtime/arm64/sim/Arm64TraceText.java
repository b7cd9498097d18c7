package dev.irqtopo.runtime.arm64.sim;

import dev.irqtopo.runtime.arm64.OutcomeWords;
import java.util.List;

/** {@code irqtopo trace} on arm64 platforms for people: the write, its numbered steps, where it ended. */
public final class Arm64TraceText {

    private Arm64TraceText() {
    }

    public static String render(List<Arm64TraceReport> reports) {
        StringBuilder out = new StringBuilder();
        for (Arm64TraceReport report : reports) {
            out.append("platform ").append(report.platform()).append(" (arm64): ").append(report.device())
                    .append(" emits ").append(report.message().addressHex()).append(' ')
                    .append(report.message().dataHex()).append('\n');
            int step = 1;
            for (String line : report.steps()) {
                out.append("  ").append(step++).append(". ").append(line).append('\n');
            }
            out.append("  delivery: ").append(OutcomeWords.of(report.outcome())).append('\n');
        }
        return out.toString();
    }
}
