package dev.irqtopo.truth;

import com.google.common.truth.FailureMetadata;
import com.google.common.truth.Subject;
import dev.irqtopo.runtime.isolation.Finding;
import dev.irqtopo.runtime.message.DeliveryMode;
import dev.irqtopo.runtime.message.Message;

import java.util.Arrays;

/**
 * Assertions about one {@link Finding}, reached through {@link IsolationReportSubject#hasBreach}: each
 * returns the subject, so that {@code hasBreach("vm0", "host").withClass("no-remapping").withMeans("dma")}
 * reads as one claim. When the breach itself is missing, that failure is the one reported.
 */
public final class FindingSubject extends Subject {

    private final Finding actual;

    FindingSubject(FailureMetadata metadata, Finding actual) {
        super(metadata, actual);
        this.actual = actual;
    }

    static Subject.Factory<FindingSubject, Finding> findings() {
        return FindingSubject::new;
    }

    public FindingSubject withDevice(String device) {
        if (actual != null) {
            check("device()").that(actual.device()).isEqualTo(device);
        }
        return this;
    }

    /** {@code "dma"} for a function, {@code "msi"}, {@code "msix"} or {@code "ims"} for a sub-device's storage. */
    public FindingSubject withMeans(String means) {
        if (actual != null) {
            check("means()").that(actual.means().keyword()).isEqualTo(means);
        }
        return this;
    }

    /** Why the unit let it through: {@code "no-remapping"}, {@code "source-check-off"}, ... */
    public FindingSubject withClass(String findingClass) {
        if (actual != null) {
            check("findingClass()").that(actual.findingClass().keyword()).isEqualTo(findingClass);
        }
        return this;
    }

    /** Exactly these special modes reach the victim too, in the order smi, nmi, init, extint; none for no argument. */
    public FindingSubject withSpecial(String... modes) {
        if (actual != null) {
            check("special()").that(actual.special().stream().map(DeliveryMode::keyword).toList())
                    .containsExactlyElementsIn(Arrays.asList(modes)).inOrder();
        }
        return this;
    }

    /** The lowest message that reaches the victim this way. */
    public FindingSubject withMessage(Message message) {
        if (actual != null) {
            check("message()").that(actual.message()).isEqualTo(message);
        }
        return this;
    }

    /** The requester id the IOMMU sees on the message, as {@code "03:00.1"}. */
    public FindingSubject withRequesterId(String requesterId) {
        if (actual != null) {
            check("requesterId()").that(actual.requesterId().toString()).isEqualTo(requesterId);
        }
        return this;
    }
}
