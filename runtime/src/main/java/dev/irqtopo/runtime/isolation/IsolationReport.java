package dev.irqtopo.runtime.isolation;

import java.util.List;
import java.util.Objects;

/**
 * The isolation verdict for one platform: one finding per (guest, device, storage, victim), ordered by
 * guest (declaration order), device (bus declaration order), storage (msi, msix, ims), then victim
 * (the host first, then guests in declaration order).
 */
public record IsolationReport(String platform, List<Finding> findings) {

    public IsolationReport {
        Objects.requireNonNull(platform);
        findings = List.copyOf(findings);
    }

    /** Isolated when no guest can reach anyone else's interrupts. */
    public boolean isolated() {
        return findings.isEmpty();
    }
}
