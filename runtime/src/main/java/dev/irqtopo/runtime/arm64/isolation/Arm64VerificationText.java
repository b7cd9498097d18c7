package dev.irqtopo.runtime.arm64.isolation;

import java.util.List;
import java.util.Optional;

/**
 * {@code verify} for people on an arm64 platform: the verdict beside the expected one, each breach
 * with its class and counterexample path, then each assignment with Linux's verdict beside the exact
 * one and, where they differ, what Linux does not look at.
 */
public final class Arm64VerificationText {

    private Arm64VerificationText() {
    }

    public static String render(List<Arm64IsolationReport> reports) {
        StringBuilder out = new StringBuilder();
        reports.forEach(r -> out.append(render(r)));
        return out.toString();
    }

    public static String render(Arm64IsolationReport report) {
        StringBuilder out = new StringBuilder(verdict(report)).append('\n');
        for (Arm64Finding f : report.findings()) {
            out.append("  ").append(f.guest()).append(" reaches ").append(victim(f.victim())).append(" through ")
                    .append(means(f)).append('\n');
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
            for (Arm64Assignment a : report.assignments()) {
                List<String> lines = lines(a, report.findings().stream()
                        .filter(f -> f.guest().equals(a.guest()) && f.device().equals(a.device())).findFirst());
                out.append("    ").append(lines.get(0)).append('\n');
                lines.stream().skip(1).forEach(l -> out.append("      ").append(l).append('\n'));
            }
        }
        return out.toString();
    }

    /** {@code platform ArmIts (arm64): isolated, as expected}, {@code …: BREACH, but isolated expected (2 findings)}. */
    public static String verdict(Arm64IsolationReport report) {
        StringBuilder line = new StringBuilder("platform ").append(report.platform()).append(" (arm64): ")
                .append(report.isolated() ? "isolated" : "BREACH")
                .append(report.asExpected() ? ", as expected" : ", but " + report.expected().keyword() + " expected");
        int n = report.findings().size();
        if (n > 0) {
            line.append(" (").append(n).append(n == 1 ? " finding" : " findings").append(')');
        }
        return line.toString();
    }

    private static List<String> lines(Arm64Assignment a, Optional<Arm64Finding> breach) {
        String exact = a.isolated() ? "isolated" : "NOT isolated";
        String heading = a.linuxWronglyAssigns() ? ", yet Linux would assign it"
                : a.linuxWronglyRefuses() ? ", yet Linux would refuse it"
                : a.linuxIsolatedMsi() && !a.vfioGroupViable() ? "; VFIO refuses it anyway"
                : a.isolated() ? "; Linux assigns it too" : "; Linux refuses it too";
        String controller = a.controller().orElse("no MSI controller");
        List<String> lines = new java.util.ArrayList<>();
        lines.add(a.guest() + " " + a.device() + " (" + a.requesterId() + ", " + controller
                + a.deviceId().stream().mapToObj(id -> " DeviceID 0x" + Long.toHexString(id)).findFirst().orElse("")
                + "): " + exact + heading);
        if (a.linuxIsolatedMsi()) {
            String says = "Linux reports isolated MSI: " + controller + " is an ITS, whose domain has IRQ_DOMAIN_FLAG_ISOLATED_MSI";
            lines.add(says + breach.map(f -> ", but " + flaw(f) + ": " + f.guest() + " reaches " + victim(f.victim())
                    + " with " + f.message().addressHex() + " " + f.message().dataHex()).orElse(""));
        } else {
            lines.add("Linux reports no isolated MSI: " + controller + " sets no IRQ_DOMAIN_FLAG_ISOLATED_MSI"
                    + (a.isolated() ? "" : ", so VFIO assigns it only with allow_unsafe_interrupts"));
        }
        if (!a.smmu()) {
            lines.add("no SMMU covers " + a.requesterId() + ": it has no IOMMU group, and VFIO takes it only in no-IOMMU mode");
        } else if (!a.vfioGroupViable()) {
            lines.add("its IOMMU group is split between owners, which alone makes VFIO refuse it");
        }
        return lines;
    }

    /** What Linux's ISOLATED_MSI flag does not look at, said of the finding. */
    private static String flaw(Arm64Finding f) {
        switch (f.findingClass()) {
            case SHARED_DEVICE_ID:
                return "the ITS tells DeviceIDs apart, not functions, and DeviceID 0x"
                        + Long.toHexString(f.deviceId().orElse(-1)) + " is shared with " + victim(f.victim());
            case FOREIGN_ITS:
                return "no SMMU keeps it from " + f.unit() + ", which maps its DeviceID to " + victim(f.victim()) + "'s device";
            default:
                return "a GICv2m frame reads no identity";
        }
    }

    private static String why(Arm64Finding f) {
        switch (f.findingClass()) {
            case SHARED_DEVICE_ID:
                return "its writes present DeviceID 0x" + Long.toHexString(f.deviceId().orElse(-1)) + " to " + f.unit()
                        + ", whose ITT also holds " + victim(f.victim()) + "'s events";
            case FOREIGN_ITS:
                return "no SMMU restricts its doorbells, and " + f.unit() + " maps the DeviceID 0x"
                        + Long.toHexString(f.deviceId().orElse(-1)) + " it presents there to " + victim(f.victim()) + "'s device";
            default:
                return f.unit() + " raises any of its SPIs for whoever writes its doorbell";
        }
    }

    private static String means(Arm64Finding f) {
        return f.device() + "'s " + (f.means().equals("dma") ? "DMA" : f.means() + " storage");
    }

    private static String victim(String victim) {
        return victim.equals("host") ? "the host" : victim;
    }
}
