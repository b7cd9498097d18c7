package dev.irqtopo.truth;

import static com.google.common.truth.Fact.fact;
import static com.google.common.truth.Fact.simpleFact;

import com.google.common.truth.FailureMetadata;
import com.google.common.truth.Subject;
import dev.irqtopo.runtime.Allocation;
import dev.irqtopo.runtime.message.Errno;

import java.util.Optional;

/** Assertions about an {@link Allocation} result. */
public final class AllocationSubject extends Subject {

    private final Allocation actual;

    AllocationSubject(FailureMetadata metadata, Allocation actual) {
        super(metadata, actual);
        this.actual = actual;
    }

    public static Subject.Factory<AllocationSubject, Allocation> allocations() {
        return AllocationSubject::new;
    }

    public void succeeded() {
        if (present() && !actual.succeeded()) {
            failWithActual(fact("expected to succeed, but failed with", actual.errno().get()));
        }
    }

    /** Succeeded with exactly {@code count} interrupts. */
    public void succeededWith(int count) {
        succeeded();
        if (actual != null && actual.succeeded()) {
            check("interrupts()").that(actual.interrupts()).hasSize(count);
        }
    }

    public void failedWith(Errno errno) {
        if (present()) {
            check("errno()").that(actual.errno()).isEqualTo(Optional.of(errno));
        }
    }

    private boolean present() {
        if (actual == null) {
            failWithActual(simpleFact("expected an allocation result"));
            return false;
        }
        return true;
    }
}
