package dev.irqtopo.truth;

import static com.google.common.truth.Fact.fact;
import static com.google.common.truth.Fact.simpleFact;

import com.google.common.truth.FailureMetadata;
import com.google.common.truth.Subject;
import dev.irqtopo.runtime.arm64.isolation.Arm64Assignment;
import dev.irqtopo.runtime.arm64.isolation.Arm64Finding;
import dev.irqtopo.runtime.arm64.isolation.Arm64FindingClass;
import dev.irqtopo.runtime.arm64.isolation.Arm64IsolationReport;
import java.util.List;
import java.util.Optional;

/** Assertions about an arm64 platform's isolation verdict ({@link Arm64IsolationReport}): the verdict, its findings, Linux's. */
public final class Arm64IsolationReportSubject extends Subject {

    private final Arm64IsolationReport actual;

    Arm64IsolationReportSubject(FailureMetadata metadata, Arm64IsolationReport actual) {
        super(metadata, actual);
        this.actual = actual;
    }

    public static Subject.Factory<Arm64IsolationReportSubject, Arm64IsolationReport> arm64IsolationReports() {
        return Arm64IsolationReportSubject::new;
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

    /** Some finding has this class ({@code shared-device-id}, {@code no-device-identity}, {@code foreign-its}). */
    public void hasFinding(Arm64FindingClass findingClass) {
        if (present() && actual.findings().stream().noneMatch(f -> f.findingClass() == findingClass)) {
            failWithActual(fact("expected a finding of class", findingClass.keyword()), fact("but the classes were",
                    actual.findings().stream().map(f -> f.findingClass().keyword()).toList()));
        }
    }

    /** A device of {@code guest} reaches an interrupt of {@code victim} with a finding of this class. */
    public void hasFinding(String guest, String victim, Arm64FindingClass findingClass) {
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

    /** Linux would let the guest have {@code device} (isolated MSI and a whole group), though it is not isolated. */
    public void linuxWronglyAssigns(String device) {
        assignment(device).filter(a -> !a.linuxWronglyAssigns()).ifPresent(a ->
                failWithActual(fact("expected Linux to assign, though not isolated", device), verdicts(a)));
    }

    /** Linux refuses {@code device} for want of isolated MSI, though it is isolated. */
    public void linuxWronglyRefuses(String device) {
        assignment(device).filter(a -> !a.linuxWronglyRefuses()).ifPresent(a ->
                failWithActual(fact("expected Linux to refuse, though isolated", device), verdicts(a)));
    }

    private Optional<Arm64Assignment> assignment(String device) {
        if (!present()) {
            return Optional.empty();
        }
        Optional<Arm64Assignment> assignment = actual.assignments().stream().filter(a -> a.device().equals(device)).findFirst();
        if (assignment.isEmpty()) {
            failWithActual(fact("expected an assignment of", device), fact("but assignments were",
                    actual.assignments().stream().map(a -> a.guest() + " " + a.device()).toList()));
        }
        return assignment;
    }

    private static com.google.common.truth.Fact verdicts(Arm64Assignment a) {
        return fact("but the verdicts were", (a.isolated() ? "isolated" : "not isolated") + ", linux_isolated_msi "
                + a.linuxIsolatedMsi() + ", vfio_group_viable " + a.vfioGroupViable());
    }

    private static List<String> describe(List<Arm64Finding> findings) {
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
