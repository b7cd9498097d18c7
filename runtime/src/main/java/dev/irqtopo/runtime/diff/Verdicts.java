package dev.irqtopo.runtime.diff;

import dev.irqtopo.runtime.isolation.Assignment;
import dev.irqtopo.runtime.isolation.Finding;
import dev.irqtopo.runtime.isolation.IsolationReport;
import dev.irqtopo.runtime.message.DeliveryMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What {@code verify} found, as facts: each finding with its counterexample, each assignment with both verdicts. */
final class Verdicts {

    private Verdicts() {
    }

    /** The findings in the report's order; the counterexample is shown, never compared. */
    static Map<Subject.Breach, Facts> findings(IsolationReport report) {
        Map<Subject.Breach, Facts> findings = new LinkedHashMap<>();
        for (Finding finding : report.findings()) {
            findings.put(Subject.Breach.of(finding), new Facts()
                    .word("message.address", finding.message().addressHex())
                    .word("message.data", finding.message().dataHex())
                    .word("requester_id", finding.requesterId().toString())
                    .word("special", finding.special().isEmpty() ? Optional.empty()
                            : Optional.of(String.join(", ", finding.special().stream().map(DeliveryMode::keyword).toList()))));
        }
        return findings;
    }

    /** The assignments in the report's order, Linux's verdict beside the exact one. */
    static Map<Subject.Assignment, Facts> assignments(IsolationReport report) {
        Map<Subject.Assignment, Facts> assignments = new LinkedHashMap<>();
        for (Assignment a : report.assignments()) {
            assignments.put(new Subject.Assignment(a.guest(), a.device()), new Facts()
                    .flag("linux_isolated_msi", a.linuxIsolatedMsi())
                    .flag("vfio_group_viable", a.vfioGroupViable())
                    .flag("isolated", a.isolated()));
        }
        return assignments;
    }
}
