package dev.irqtopo.runtime.diff;

import dev.irqtopo.runtime.riscv64.isolation.RiscvAssignment;
import dev.irqtopo.runtime.riscv64.isolation.RiscvFinding;
import dev.irqtopo.runtime.riscv64.isolation.RiscvIsolationReport;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code verify} found on a riscv64 platform, as facts named as its JSON names them: each finding
 * with its lowest write, each assigned function with what it reaches and Linux's verdicts beside the
 * exact one.
 */
final class RiscvVerdicts {

    private RiscvVerdicts() {
    }

    /** The findings in the report's order; the lowest write and where it lands are shown, never compared. */
    static Map<Subject.Breach, Facts> findings(RiscvIsolationReport report) {
        Map<Subject.Breach, Facts> findings = new LinkedHashMap<>();
        for (RiscvFinding f : report.findings()) {
            findings.put(Subject.Breach.of(f), new Facts()
                    .word("message.address", f.message().addressHex())
                    .word("message.data", f.message().dataHex())
                    .word("requester_id", f.requesterId().toString())
                    .word("target", f.target())
                    .number("identity", f.identity())
                    .word("route", f.route()));
        }
        return findings;
    }

    /**
     * The assignments in the report's order: Linux 6.12's verdict (never isolated MSI on RISC-V), the
     * irqbypass series' (isolated exactly under flat MSI page tables) and the exact one, then the device
     * context the function writes through and every interrupt file or MRIF it reaches.
     */
    static Map<Subject.Assignment, Facts> assignments(RiscvIsolationReport report) {
        Map<Subject.Assignment, Facts> assignments = new LinkedHashMap<>();
        for (RiscvAssignment a : report.assignments()) {
            assignments.put(new Subject.Assignment(a.guest(), a.device()), new Facts()
                    .flag("linux_isolated_msi", a.linuxIsolatedMsi())
                    .flag("irqbypass_isolated_msi", a.irqbypassIsolatedMsi())
                    .flag("isolated", a.isolated())
                    .word("iommu", a.iommu())
                    .word("msi", a.msi())
                    .word("context_owner", a.contextOwner())
                    .word("reaches", Declarations.joined(a.reaches())));
        }
        return assignments;
    }
}
