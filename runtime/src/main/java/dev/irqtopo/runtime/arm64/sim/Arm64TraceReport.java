package dev.irqtopo.runtime.arm64.sim;

import dev.irqtopo.model.RequesterId;
import dev.irqtopo.runtime.arm64.Arm64Outcome;
import dev.irqtopo.runtime.message.Message;
import java.util.List;
import java.util.Objects;

/**
 * {@code irqtopo trace} on one arm64 platform: the write a device made, each step it took (SMMU, GIC
 * doorbell, ITS device table, ITT, collection, handler) in words, and where it ended.
 *
 * @param requesterId the requester id the root complex sees (a bridge's alias, a sub-device's parent's)
 */
public record Arm64TraceReport(String platform, String device, RequesterId requesterId, Message message,
                               List<String> steps, Arm64Outcome outcome) {

    public Arm64TraceReport {
        Objects.requireNonNull(platform);
        Objects.requireNonNull(device);
        Objects.requireNonNull(requesterId);
        Objects.requireNonNull(message);
        steps = List.copyOf(steps);
        Objects.requireNonNull(outcome);
    }
}
