package dev.irqtopo.runtime.arm64.sim;

import dev.irqtopo.runtime.arm64.Arm64Outcome;
import dev.irqtopo.runtime.arm64.ArmVector;
import dev.irqtopo.runtime.arm64.HostBacking;
import dev.irqtopo.runtime.message.Message;
import java.util.Objects;
import java.util.Optional;

/**
 * One allocated interrupt after boot and what firing its slot did.
 *
 * @param stored  what the physical slot holds, the message the device emits; empty when never written
 * @param host    for a guest's trapped vector, the host interrupt behind it
 */
public record Arm64InterruptReport(ArmVector interrupt, Optional<Message> stored, Arm64Outcome outcome,
                                   Optional<HostBacking> host) {

    public Arm64InterruptReport {
        Objects.requireNonNull(interrupt);
        Objects.requireNonNull(stored);
        Objects.requireNonNull(outcome);
        Objects.requireNonNull(host);
    }
}
