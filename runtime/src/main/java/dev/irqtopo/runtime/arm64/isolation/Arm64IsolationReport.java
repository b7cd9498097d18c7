package dev.irqtopo.runtime.arm64.isolation;

import dev.irqtopo.model.ExpectedVerdict;
import java.util.List;
import java.util.Objects;

/**
 * The isolation verdict for one arm64 platform: one finding per (guest, device, means, victim), by
 * guest (declaration order), device (bus declaration order), means (dma, msi, msix, ims), victim (the
 * host first, then guests in declaration order); one assignment per assigned device.
 */
public record Arm64IsolationReport(String platform, ExpectedVerdict expected, List<Arm64Finding> findings,
                                   List<Arm64Assignment> assignments) {

    public Arm64IsolationReport {
        Objects.requireNonNull(platform);
        Objects.requireNonNull(expected);
        findings = List.copyOf(findings);
        assignments = List.copyOf(assignments);
    }

    public boolean isolated() {
        return findings.isEmpty();
    }

    public boolean asExpected() {
        return expected.matches(isolated());
    }
}
