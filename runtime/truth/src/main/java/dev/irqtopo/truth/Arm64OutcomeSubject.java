package dev.irqtopo.truth;

import static com.google.common.truth.Fact.fact;
import static com.google.common.truth.Fact.simpleFact;

import com.google.common.truth.FailureMetadata;
import com.google.common.truth.Subject;
import dev.irqtopo.runtime.arm64.Arm64Outcome;
import dev.irqtopo.runtime.arm64.OutcomeWords;
import dev.irqtopo.runtime.gic.IgnoreReason;

/**
 * Assertions about what one write or one fired slot did on an arm64 platform ({@link Arm64Outcome}):
 * delivered to which kernel, CPU and INTID, by which route; ignored by which unit and why; a fault,
 * memory, or nothing sent.
 */
public final class Arm64OutcomeSubject extends Subject {

    private final Arm64Outcome actual;

    Arm64OutcomeSubject(FailureMetadata metadata, Arm64Outcome actual) {
        super(metadata, actual);
        this.actual = actual;
    }

    public static Subject.Factory<Arm64OutcomeSubject, Arm64Outcome> arm64Outcomes() {
        return Arm64OutcomeSubject::new;
    }

    /** Delivered to {@code kernel}'s handler ({@code host} or a guest), on any CPU. */
    public Arm64OutcomeSubject isDeliveredTo(String kernel) {
        Arm64Outcome.Delivered d = delivered();
        if (d != null && !d.kernel().equals(kernel)) {
            failWithActual(fact("expected delivered to", kernel), fact("but it was delivered to", d.kernel()));
        }
        return this;
    }

    /** Delivered to {@code kernel} on its CPU (a guest's vCPU) {@code cpu} as INTID {@code intid}. */
    public Arm64OutcomeSubject isDeliveredTo(String kernel, int cpu, int intid) {
        Arm64Outcome.Delivered d = delivered();
        if (d != null && (!d.kernel().equals(kernel) || d.cpu() != cpu || d.intid() != intid)) {
            failWithActual(fact("expected delivered to", kernel + " cpu " + cpu + " intid " + intid),
                    fact("but it was", OutcomeWords.of(d)));
        }
        return this;
    }

    /** Delivered by this route: the host's handler, KVM's irqfd, or a GICv4 vLPI. */
    public Arm64OutcomeSubject via(Arm64Outcome.Route route) {
        Arm64Outcome.Delivered d = delivered();
        if (d != null && d.route() != route) {
            failWithActual(fact("expected the route", route.keyword()), fact("but it was", d.route().keyword()));
        }
        return this;
    }

    /** Ignored by an ITS, a frame or a guest's vITS, for {@code reason}. */
    public void isIgnoredBecause(IgnoreReason reason) {
        if (actual instanceof Arm64Outcome.Ignored i) {
            if (i.reason() != reason) {
                failWithActual(fact("expected ignored because", reason.word()), fact("but it was ignored because",
                        i.reason().word()));
            }
        } else {
            failWithActual(fact("expected ignored because", reason.word()), fact("but it was", words()));
        }
    }

    /** The SMMU faulted on the write. */
    public void isSmmuFault() {
        if (!(actual instanceof Arm64Outcome.SmmuFault)) {
            failWithActual(simpleFact("expected an SMMU fault"), fact("but it was", words()));
        }
    }

    /** No kernel took it: an ordinary memory write, an SMMU fault, an unowned SPI, an ignored write or nothing sent. */
    public void isNotDelivered() {
        if (actual instanceof Arm64Outcome.Delivered) {
            failWithActual(simpleFact("expected no delivery"), fact("but it was", words()));
        }
    }

    private Arm64Outcome.Delivered delivered() {
        if (actual instanceof Arm64Outcome.Delivered d) {
            return d;
        }
        failWithActual(simpleFact("expected a delivery"), fact("but it was", words()));
        return null;
    }

    private String words() {
        return actual == null ? "null" : OutcomeWords.of(actual);
    }
}
