package dev.irqtopo.truth;

import static com.google.common.truth.Fact.fact;
import static com.google.common.truth.Fact.simpleFact;

import com.google.common.truth.Fact;
import com.google.common.truth.FailureMetadata;
import com.google.common.truth.Subject;
import dev.irqtopo.runtime.isolation.Assignment;
import dev.irqtopo.runtime.isolation.Finding;
import dev.irqtopo.runtime.isolation.IsolationReport;
import dev.irqtopo.runtime.message.Message;

import java.util.List;
import java.util.Optional;

/** Assertions about an {@link IsolationReport}: the verdict, its findings, and Linux's verdict per assignment. */
public final class IsolationReportSubject extends Subject {

    private final IsolationReport actual;

    IsolationReportSubject(FailureMetadata metadata, IsolationReport actual) {
        super(metadata, actual);
        this.actual = actual;
    }

    public static Subject.Factory<IsolationReportSubject, IsolationReport> isolationReports() {
        return IsolationReportSubject::new;
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
                    fact("but the verdict was", actual.isolated() ? "isolated" : "breach"),
                    fact("findings", actual.findings().size()));
        }
    }

    /**
     * Some device of {@code guest} reaches an interrupt of {@code victim}; the returned subject makes
     * claims about the first such finding (lowest device, then means).
     */
    public FindingSubject hasBreach(String guest, String victim) {
        Optional<Finding> first = Optional.empty();
        if (present()) {
            first = breaches(guest, victim).stream().findFirst();
            if (first.isEmpty()) {
                failWithActual(fact("expected a breach by", guest), fact("of", victim));
            }
        }
        return check("finding of %s by %s", victim, guest).about(FindingSubject.findings()).that(first.orElse(null));
    }

    /** No device of {@code guest} reaches an interrupt of {@code victim}. */
    public void hasNoBreach(String guest, String victim) {
        if (present() && !breaches(guest, victim).isEmpty()) {
            failWithActual(fact("expected no breach by", guest), fact("of", victim));
        }
    }

    /** {@code guest} reaches {@code victim}, and the lowest message that does (in its first finding) is {@code message}. */
    public FindingSubject hasBreach(String guest, String victim, Message message) {
        return hasBreach(guest, victim).withMessage(message);
    }

    /** The number of findings (one per guest, device, means and victim). */
    public void hasFindings(int count) {
        if (present()) {
            check("findings()").that(actual.findings()).hasSize(count);
        }
    }

    /** {@code device} is assigned to {@code guest}; the returned subject makes claims about both verdicts. */
    public AssignmentSubject hasAssignment(String guest, String device) {
        Optional<Assignment> assignment = Optional.empty();
        if (present()) {
            assignment = assignment(device).filter(a -> a.guest().equals(guest));
            if (assignment.isEmpty()) {
                failWithActual(fact("expected an assignment of", device), fact("to", guest),
                        fact("but assignments were", assigned()));
            }
        }
        return check("assignment of %s to %s", device, guest).about(AssignmentSubject.assignments())
                .that(assignment.orElse(null));
    }

    /** Linux would let the guest have {@code device} (isolated MSI and a whole group), though it is not isolated. */
    public void linuxWronglyAssigns(String device) {
        Optional<Assignment> assignment = assigned(device);
        if (assignment.isPresent() && !assignment.get().linuxWronglyAssigns()) {
            failWithActual(fact("expected Linux to assign, though not isolated", device), verdicts(assignment.get()));
        }
    }

    /** Linux refuses {@code device} for want of isolated MSI, though it is isolated. */
    public void linuxWronglyRefuses(String device) {
        Optional<Assignment> assignment = assigned(device);
        if (assignment.isPresent() && !assignment.get().linuxWronglyRefuses()) {
            failWithActual(fact("expected Linux to refuse, though isolated", device), verdicts(assignment.get()));
        }
    }

    private Optional<Assignment> assigned(String device) {
        if (!present()) {
            return Optional.empty();
        }
        Optional<Assignment> assignment = assignment(device);
        if (assignment.isEmpty()) {
            failWithActual(fact("expected an assignment of", device), fact("but assignments were", assigned()));
        }
        return assignment;
    }

    private static Fact verdicts(Assignment a) {
        return fact("but the verdicts were", (a.isolated() ? "isolated" : "not isolated") + ", linux_isolated_msi "
                + a.linuxIsolatedMsi() + ", vfio_group_viable " + a.vfioGroupViable());
    }

    private Optional<Assignment> assignment(String device) {
        return actual.assignments().stream().filter(a -> a.device().equals(device)).findFirst();
    }

    private List<String> assigned() {
        return actual.assignments().stream().map(a -> a.device() + " to " + a.guest()).toList();
    }

    private List<Finding> breaches(String guest, String victim) {
        return actual.findings().stream().filter(f -> f.guest().equals(guest) && f.victim().equals(victim)).toList();
    }

    private boolean present() {
        if (actual == null) {
            failWithActual(simpleFact("expected an isolation report"));
            return false;
        }
        return true;
    }
}
