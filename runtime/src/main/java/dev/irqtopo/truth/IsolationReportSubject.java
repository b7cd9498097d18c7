package dev.irqtopo.truth;

import static com.google.common.truth.Fact.fact;
import static com.google.common.truth.Fact.simpleFact;

import com.google.common.truth.FailureMetadata;
import com.google.common.truth.Subject;
import dev.irqtopo.runtime.Message;
import dev.irqtopo.runtime.isolation.Finding;
import dev.irqtopo.runtime.isolation.IsolationReport;

import java.util.List;

/** Assertions about an {@link IsolationReport}. */
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

    /** Some storage of {@code guest} reaches an interrupt of {@code victim}. */
    public void hasBreach(String guest, String victim) {
        if (present() && breaches(guest, victim).isEmpty()) {
            failWithActual(fact("expected a breach by", guest), fact("of", victim));
        }
    }

    /** No storage of {@code guest} reaches an interrupt of {@code victim}. */
    public void hasNoBreach(String guest, String victim) {
        if (present() && !breaches(guest, victim).isEmpty()) {
            failWithActual(fact("expected no breach by", guest), fact("of", victim));
        }
    }

    /** {@code guest} reaches {@code victim}, and the lowest message that does (in its first storage) is {@code message}. */
    public void hasBreach(String guest, String victim, Message message) {
        hasBreach(guest, victim);
        if (actual != null && !breaches(guest, victim).isEmpty()) {
            check("lowest breaching message of %s by %s", victim, guest)
                    .that(breaches(guest, victim).get(0).message()).isEqualTo(message);
        }
    }

    /** The number of findings (one per guest, device, storage and victim). */
    public void hasFindings(int count) {
        if (present()) {
            check("findings()").that(actual.findings()).hasSize(count);
        }
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
