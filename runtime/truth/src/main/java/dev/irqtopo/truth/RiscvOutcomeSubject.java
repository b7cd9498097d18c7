package dev.irqtopo.truth;

import static com.google.common.truth.Fact.fact;
import static com.google.common.truth.Fact.simpleFact;

import com.google.common.truth.FailureMetadata;
import com.google.common.truth.Subject;
import dev.irqtopo.model.riscv.InterruptFile;
import dev.irqtopo.runtime.riommu.DeviceWrite;
import dev.irqtopo.runtime.riscv64.NotSent;
import dev.irqtopo.runtime.riscv64.OutcomeWords;
import dev.irqtopo.runtime.riscv64.RiscvOutcome;
import dev.irqtopo.runtime.riscv64.RiscvPlatform;
import dev.irqtopo.runtime.riscv64.Taken;
import dev.irqtopo.runtime.riscv64.TakenRoute;

/**
 * Assertions about what one write or one fired slot did on a riscv64 platform ({@link RiscvOutcome}):
 * which kernel took the identity it made pending, on which CPU, in which interrupt file, by which route;
 * or that it was recorded in an MRIF, faulted in the IOMMU, was blocked by the second stage, or was never
 * sent.
 */
public final class RiscvOutcomeSubject extends Subject {

    private final RiscvOutcome actual;

    RiscvOutcomeSubject(FailureMetadata metadata, RiscvOutcome actual) {
        super(metadata, actual);
        this.actual = actual;
    }

    public static Subject.Factory<RiscvOutcomeSubject, RiscvOutcome> riscvOutcomes() {
        return RiscvOutcomeSubject::new;
    }

    /** Taken by {@code kernel} ({@code host} or a guest), on any CPU, by any route but {@code unowned}. */
    public RiscvOutcomeSubject isTakenBy(String kernel) {
        Taken t = taken();
        if (t != null && !t.kernel().equals(kernel)) {
            failWithActual(fact("expected taken by", kernel), fact("but it was", words()));
        }
        return this;
    }

    /** Taken by {@code kernel} on its CPU (a hart, or a guest's vCPU) {@code cpu}: identity {@code identity} of {@code file}. */
    public RiscvOutcomeSubject isTakenBy(String kernel, int cpu, InterruptFile file, int identity) {
        Taken t = taken();
        if (t != null && (!t.kernel().equals(kernel) || t.cpu() != cpu || !t.file().equals(file) || t.identity() != identity)) {
            failWithActual(fact("expected taken by", kernel + " cpu " + cpu + " " + file.word() + " identity " + identity),
                    fact("but it was", words()));
        }
        return this;
    }

    /** Taken by this route: the host's handler, the guest file itself, KVM's irqfd, an MRIF notice, an IPI. */
    public RiscvOutcomeSubject via(TakenRoute route) {
        Taken t = taken();
        if (t != null && t.route() != route) {
            failWithActual(fact("expected the route", route.word()), fact("but it was", t.route().word()));
        }
        return this;
    }

    /** The IOMMU recorded the write in an MRIF (whatever its notice did). */
    public RiscvOutcomeSubject isRecordedInMrif() {
        if (!(write() instanceof DeviceWrite.MrifRecorded)) {
            failWithActual(simpleFact("expected the write recorded in an MRIF"), fact("but it was", words()));
        }
        return this;
    }

    /** The IOMMU faulted on the write. */
    public void isIommuFault() {
        if (!(write() instanceof DeviceWrite.Faulted)) {
            failWithActual(simpleFact("expected an IOMMU fault"), fact("but it was", words()));
        }
    }

    /** The second stage blocked the write: no page of any interrupt file, no RAM the model has. */
    public void isBlocked() {
        if (!(write() instanceof DeviceWrite.Blocked)) {
            failWithActual(simpleFact("expected the write blocked by the second stage"), fact("but it was", words()));
        }
    }

    /** Nothing was sent, for {@code reason}. */
    public void isNotSentBecause(NotSent reason) {
        if (!(actual instanceof RiscvOutcome.NotSentAtAll n) || n.reason() != reason) {
            failWithActual(fact("expected not sent because", reason.words()), fact("but it was", words()));
        }
    }

    /** No kernel took it: nothing pending, an identity no handler takes, a file nobody's vCPU uses, or nothing sent. */
    public void isNotTaken() {
        if (actual instanceof RiscvOutcome.Written w && w.taken().filter(RiscvOutcomeSubject::owned).isPresent()) {
            failWithActual(simpleFact("expected no kernel to take it"), fact("but it was", words()));
        }
    }

    private static boolean owned(Taken t) {
        return t.route() != TakenRoute.UNOWNED && !t.kernel().equals(RiscvPlatform.NOBODY);
    }

    private Taken taken() {
        if (actual instanceof RiscvOutcome.Written w && w.taken().filter(RiscvOutcomeSubject::owned).isPresent()) {
            return w.taken().get();
        }
        failWithActual(simpleFact("expected a kernel to take it"), fact("but it was", words()));
        return null;
    }

    private DeviceWrite write() {
        return actual instanceof RiscvOutcome.Written w ? w.write() : null;
    }

    private String words() {
        return actual == null ? "null" : OutcomeWords.of(actual);
    }
}
