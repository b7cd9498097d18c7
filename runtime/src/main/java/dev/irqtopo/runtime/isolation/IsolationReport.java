package dev.irqtopo.runtime.isolation;

import dev.irqtopo.model.ExpectedVerdict;

import java.util.List;
import java.util.Objects;

/**
 * The isolation verdict for one platform: one finding per (guest, device, means, victim), ordered by
 * guest (declaration order), device (bus declaration order), means (dma, msi, msix, ims), then victim
 * (the host first, then guests in declaration order); and one assignment per device assigned to a
 * guest, in guest then device order.
 *
 * @param expected the verdict the platform says it is meant to show
 */
public record IsolationReport(String platform, ExpectedVerdict expected, List<Finding> findings,
                              List<Assignment> assignments) {

    public IsolationReport {
        Objects.requireNonNull(platform);
        Objects.requireNonNull(expected);
        findings = List.copyOf(findings);
        assignments = List.copyOf(assignments);
    }

    /** Isolated when no guest can reach anyone else's interrupts. */
    public boolean isolated() {
        return findings.isEmpty();
    }

    /** Whether the verdict is the one the platform expects ({@code expect}; without it, isolated). */
    public boolean asExpected() {
        return expected.matches(isolated());
    }
}
