package dev.irqtopo.truth;

import com.google.common.truth.FailureMetadata;
import com.google.common.truth.Subject;
import dev.irqtopo.runtime.isolation.Assignment;

/**
 * Assertions about one {@link Assignment}, reached through {@link IsolationReportSubject#hasAssignment}:
 * the exact verdict and Linux's, each returning the subject for the next claim. When the assignment
 * itself is missing, that failure is the one reported.
 */
public final class AssignmentSubject extends Subject {

    private final Assignment actual;

    AssignmentSubject(FailureMetadata metadata, Assignment actual) {
        super(metadata, actual);
        this.actual = actual;
    }

    static Subject.Factory<AssignmentSubject, Assignment> assignments() {
        return AssignmentSubject::new;
    }

    /** The guest has no finding through the device. */
    public AssignmentSubject isIsolated() {
        if (actual != null) {
            check("isolated()").that(actual.isolated()).isTrue();
        }
        return this;
    }

    public AssignmentSubject isNotIsolated() {
        if (actual != null) {
            check("isolated()").that(actual.isolated()).isFalse();
        }
        return this;
    }

    /** Linux reports isolated MSI for the device's group. */
    public AssignmentSubject hasIsolatedMsi() {
        if (actual != null) {
            check("linuxIsolatedMsi()").that(actual.linuxIsolatedMsi()).isTrue();
        }
        return this;
    }

    public AssignmentSubject lacksIsolatedMsi() {
        if (actual != null) {
            check("linuxIsolatedMsi()").that(actual.linuxIsolatedMsi()).isFalse();
        }
        return this;
    }

    /** The device's IOMMU group is whole in the guest's hands, as VFIO needs. */
    public AssignmentSubject hasViableGroup() {
        if (actual != null) {
            check("vfioGroupViable()").that(actual.vfioGroupViable()).isTrue();
        }
        return this;
    }

    /** The group is split between owners, so VFIO refuses the device whatever Linux says of its MSI. */
    public AssignmentSubject hasSplitGroup() {
        if (actual != null) {
            check("vfioGroupViable()").that(actual.vfioGroupViable()).isFalse();
        }
        return this;
    }
}
