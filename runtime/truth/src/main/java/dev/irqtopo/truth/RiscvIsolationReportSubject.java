package dev.irqtopo.truth;

import static com.google.common.truth.Fact.fact;
import static com.google.common.truth.Fact.simpleFact;

import com.google.common.truth.FailureMetadata;
import com.google.common.truth.IterableSubject;
import com.google.common.truth.Subject;
import dev.irqtopo.runtime.riscv64.isolation.RiscvAssignment;
import dev.irqtopo.runtime.riscv64.isolation.RiscvFinding;
import dev.irqtopo.runtime.riscv64.isolation.RiscvFindingClass;
import dev.irqtopo.runtime.riscv64.isolation.RiscvIsolationReport;
import java.util.List;
import java.util.Optional;

/**
 * Assertions about a riscv64 platform's isolation verdict ({@link RiscvIsolationReport}): the verdict, its
 * findings, what each assigned device reaches, and Linux's verdict beside it.
 */
public final class RiscvIsolationReportSubject extends Subject {

    private final RiscvIsolationReport actual;

    RiscvIsolationReportSubject(FailureMetadata metadata, RiscvIsolationReport actual) {
        super(metadata, actual);
        this.actual = actual;
    }

    public static Subject.Factory<RiscvIsolationReportSubject, RiscvIsolationReport> riscvIsolationReports() {
        return RiscvIsolationReportSubject::new;
    }

    public void isIsolated() {
        if (present() && !actual.isolated()) {
            failWithActual(fact("expected isolated, but found breaches", actual.findings().size()));
        }
    }

    public void isNotIsolated() {
        if (present() && actual.isolated()) {
            failWithActual(simpleFact("expected a breach, but the platform is isolated"));
        }
    }

    /** The verdict is the one the platform's {@code expect} line asks for (without one, isolated). */
    public void isAsExpected() {
        if (present() && !actual.asExpected()) {
            failWithActual(fact("expected the verdict the platform expects", actual.expected().keyword()),
                    fact("but the verdict was", actual.isolated() ? "isolated" : "breach"));
        }
    }

    /** Some finding has this class ({@code no-msi-translation}, {@code file-shared}, {@code mrif-notice}). */
    public void hasFinding(RiscvFindingClass findingClass) {
        if (present() && actual.findings().stream().noneMatch(f -> f.findingClass() == findingClass)) {
            failWithActual(fact("expected a finding of class", findingClass.keyword()), fact("but the classes were",
                    actual.findings().stream().map(f -> f.findingClass().keyword()).toList()));
        }
    }

    /** A device of {@code guest} reaches an interrupt file, identity or MRIF of {@code victim} with a finding of this class. */
    public void hasFinding(String guest, String victim, RiscvFindingClass findingClass) {
        if (present() && actual.findings().stream().noneMatch(f -> f.guest().equals(guest) && f.victim().equals(victim)
                && f.findingClass() == findingClass)) {
            failWithActual(fact("expected a finding", guest + " reaches " + victim + ", class " + findingClass.keyword()),
                    fact("but the findings were", describe(actual.findings())));
        }
    }

    /** The number of findings (one per guest, device, means and victim). */
    public void hasFindings(int count) {
        if (present()) {
            check("findings()").that(actual.findings()).hasSize(count);
        }
    }

    /** What the assigned {@code device} can make pending: interrupt files, notice identities, MRIFs, in target order. */
    public IterableSubject reachesOf(String device) {
        Optional<RiscvAssignment> assignment = assignment(device);
        return check("reaches of %s", device).that(assignment.map(RiscvAssignment::reaches).orElse(List.of()));
    }

    /**
     * Linux refuses {@code device} for want of isolated MSI, though it is isolated: Linux 6.12 reports no
     * isolated MSI for any RISC-V device.
     */
    public void linuxWronglyRefuses(String device) {
        assignment(device).filter(a -> a.linuxIsolatedMsi() || !a.isolated()).ifPresent(a ->
                failWithActual(fact("expected Linux to refuse, though isolated", device), verdicts(a)));
    }

    private Optional<RiscvAssignment> assignment(String device) {
        if (!present()) {
            return Optional.empty();
        }
        Optional<RiscvAssignment> assignment = actual.assignments().stream().filter(a -> a.device().equals(device)).findFirst();
        if (assignment.isEmpty()) {
            failWithActual(fact("expected an assignment of", device), fact("but assignments were",
                    actual.assignments().stream().map(a -> a.guest() + " " + a.device()).toList()));
        }
        return assignment;
    }

    private static com.google.common.truth.Fact verdicts(RiscvAssignment a) {
        return fact("but the verdicts were", (a.isolated() ? "isolated" : "not isolated") + ", linux_isolated_msi "
                + a.linuxIsolatedMsi());
    }

    private static List<String> describe(List<RiscvFinding> findings) {
        return findings.stream().map(f -> f.guest() + " reaches " + f.victim() + " through " + f.device() + ", class "
                + f.findingClass().keyword()).toList();
    }

    private boolean present() {
        if (actual == null) {
            failWithActual(simpleFact("expected an isolation report, but it was null"));
            return false;
        }
        return true;
    }
}
