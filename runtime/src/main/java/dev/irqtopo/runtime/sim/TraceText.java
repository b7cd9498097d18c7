package dev.irqtopo.runtime.sim;

import java.util.List;
import java.util.Optional;

/**
 * {@code trace} for people: per platform the device and message, each step numbered as {@code verify}
 * numbers a counterexample's path, then the outcome in {@code simulate}'s words.
 */
public final class TraceText {

    private TraceText() {
    }

    public static String render(List<TraceReport> reports) {
        StringBuilder out = new StringBuilder();
        for (TraceReport report : reports) {
            out.append("platform ").append(report.platform()).append(": ").append(report.device()).append(" emits ")
                    .append(SimulationText.message(Optional.of(report.message()))).append('\n');
            int step = 1;
            for (String line : report.steps()) {
                out.append("  ").append(step++).append(". ").append(line).append('\n');
            }
            out.append("  delivery: ").append(SimulationText.delivery(report.delivery())).append('\n');
        }
        return out.toString();
    }
}
