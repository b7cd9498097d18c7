package dev.irqtopo.runtime.riscv64.isolation;

import dev.irqtopo.model.ExpectedVerdict;
import java.util.List;
import java.util.Objects;

/**
 * The isolation verdict for one riscv64 platform: one finding per (guest, device, means, victim), by
 * guest (declaration order), device (bus declaration order), means, victim (the host first, then guests
 * in declaration order); one assignment per assigned device.
 */
public record RiscvIsolationReport(String platform, ExpectedVerdict expected, List<RiscvFinding> findings,
                                   List<RiscvAssignment> assignments) {

    public RiscvIsolationReport {
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
