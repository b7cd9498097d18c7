package dev.irqtopo.runtime.riscv64.isolation;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code verify} for people on a riscv64 platform: the verdict beside the expected one, each breach
 * with its class and counterexample path, then each assignment with what it reaches and Linux's
 * verdicts (6.12, and the unmerged irqbypass series) beside the exact one, and where each is wrong.
 */
public final class RiscvVerificationText {

    private RiscvVerificationText() {
    }

    public static String render(List<RiscvIsolationReport> reports) {
        StringBuilder out = new StringBuilder();
        reports.forEach(r -> out.append(render(r)));
        return out.toString();
    }

    public static String render(RiscvIsolationReport report) {
        StringBuilder out = new StringBuilder(verdict(report)).append('\n');
        for (RiscvFinding f : report.findings()) {
            out.append("  ").append(f.guest()).append(" reaches ").append(victim(f.victim())).append(" through ")
                    .append(f.device()).append("'s ").append(f.means().equals("dma") ? "DMA" : f.means() + " storage")
                    .append('\n');
            out.append("    class ").append(f.findingClass().keyword()).append(": ").append(why(f)).append('\n');
            out.append("    message ").append(f.message().addressHex()).append(' ').append(f.message().dataHex())
                    .append(" from requester id ").append(f.requesterId()).append('\n');
            int step = 1;
            for (String line : f.path()) {
                out.append("    ").append(step++).append(". ").append(line).append('\n');
            }
        }
        if (!report.assignments().isEmpty()) {
            out.append("  assignments, the exact verdict beside Linux's:\n");
            for (RiscvAssignment a : report.assignments()) {
                List<String> lines = lines(a);
                out.append("    ").append(lines.get(0)).append('\n');
                lines.stream().skip(1).forEach(l -> out.append("      ").append(l).append('\n'));
            }
        }
        return out.toString();
    }

    /** {@code platform RiscvFlat (riscv64): isolated, as expected}, {@code …: BREACH, as expected (1 finding)}. */
    public static String verdict(RiscvIsolationReport report) {
        StringBuilder line = new StringBuilder("platform ").append(report.platform()).append(" (riscv64): ")
                .append(report.isolated() ? "isolated" : "BREACH")
                .append(report.asExpected() ? ", as expected" : ", but " + report.expected().keyword() + " expected");
        int n = report.findings().size();
        if (n > 0) {
            line.append(" (").append(n).append(n == 1 ? " finding" : " findings").append(')');
        }
        return line.toString();
    }

    private static List<String> lines(RiscvAssignment a) {
        List<String> lines = new ArrayList<>();
        lines.add(a.guest() + " " + a.device() + " (" + a.requesterId() + ", " + a.iommu().map(i -> i + " msi " + a.msi())
                .orElse("no IOMMU") + "): " + (a.isolated() ? "isolated" : "NOT isolated"));
        lines.add("reaches " + (a.reaches().isEmpty() ? "no interrupt file" : summary(a.reaches())));
        lines.add("Linux 6.12 reports no isolated MSI (no RISC-V IOMMU driver, no IRQ_DOMAIN_FLAG_ISOLATED_MSI on the IMSIC"
                + " domain)" + (a.isolated() ? ": wrong, it is isolated; VFIO takes it only with allow_unsafe_interrupts"
                : ": right"));
        String bypass = a.irqbypassIsolatedMsi() ? "the irqbypass series would report isolated MSI (flat MSI page tables)"
                : "the irqbypass series would report no isolated MSI (" + (a.msi().equals("flat") ? "" : "not ")
                        + "flat)";
        boolean wrong = a.irqbypassIsolatedMsi() != a.isolated();
        lines.add(bypass + (wrong ? ": wrong, it is " + (a.isolated() ? "isolated" : "NOT isolated") : ": right"));
        return lines;
    }

    private static String summary(List<String> reaches) {
        if (reaches.size() <= 6) {
            return String.join(", ", reaches);
        }
        return String.join(", ", reaches.subList(0, 5)) + " and " + (reaches.size() - 5) + " more";
    }

    private static String why(RiscvFinding f) {
        switch (f.findingClass()) {
            case NO_MSI_TRANSLATION:
                return "its writes are not MSI-translated, so every identity of every interrupt file is one write away;"
                        + " the lowest reaches " + f.target() + " identity " + f.identity();
            case MRIF_NOTICE:
                return "an MRIF entry's notice is aimed at " + f.target() + " identity " + f.identity() + ", which "
                        + victim(f.victim()) + " takes";
            default:
                return "a page its device context lets it write reaches " + f.target() + ", which is "
                        + victim(f.victim()) + "'s, and within a file every identity passes";
        }
    }

    private static String victim(String victim) {
        return victim.equals("host") ? "the host" : victim;
    }
}
