package dev.irqtopo.runtime.riscv64.sim;

import dev.irqtopo.runtime.riscv64.OutcomeWords;
import java.util.List;

/** {@code irqtopo trace} on riscv64 platforms for people: the write, its numbered steps, where it ended. */
public final class RiscvTraceText {

    private RiscvTraceText() {
    }

    public static String render(List<RiscvTraceReport> reports) {
        StringBuilder out = new StringBuilder();
        for (RiscvTraceReport report : reports) {
            out.append("platform ").append(report.platform()).append(" (riscv64): ").append(report.device())
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
