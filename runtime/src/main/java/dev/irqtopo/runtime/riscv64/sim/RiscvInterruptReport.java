package dev.irqtopo.runtime.riscv64.sim;

import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.riscv64.RiscvOutcome;
import dev.irqtopo.runtime.riscv64.RiscvVector;
import java.util.Objects;
import java.util.Optional;

/**
 * One allocated interrupt after boot and what firing its slot did.
 *
 * @param stored what the physical slot holds, the message the device emits; empty when never written
 * @param host   for a guest's trapped vector the host backs, the host identity behind it
 */
public record RiscvInterruptReport(RiscvVector interrupt, Optional<Message> stored, RiscvOutcome outcome,
                                   Optional<RiscvVector> host) {

    public RiscvInterruptReport {
        Objects.requireNonNull(interrupt);
        Objects.requireNonNull(stored);
        Objects.requireNonNull(outcome);
        Objects.requireNonNull(host);
    }
}
