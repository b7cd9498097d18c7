package dev.irqtopo.runtime.riscv64.sim;

import dev.irqtopo.model.RequesterId;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.riscv64.RiscvOutcome;
import java.util.List;
import java.util.Objects;

/**
 * {@code irqtopo trace} on one riscv64 platform: the write a device made, each step it took (device
 * context, MSI address match, file number, MSI PTE, IMSIC or MRIF, who takes it) in words, and where it
 * ended.
 *
 * @param requesterId the requester id the IOMMU sees (a bridge's alias, a sub-device's parent's)
 */
public record RiscvTraceReport(String platform, String device, RequesterId requesterId, Message message,
                               List<String> steps, RiscvOutcome outcome) {

    public RiscvTraceReport {
        Objects.requireNonNull(platform);
        Objects.requireNonNull(device);
        Objects.requireNonNull(requesterId);
        Objects.requireNonNull(message);
        steps = List.copyOf(steps);
        Objects.requireNonNull(outcome);
    }
}
