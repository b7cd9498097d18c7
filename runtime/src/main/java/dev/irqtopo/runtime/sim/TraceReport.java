package dev.irqtopo.runtime.sim;

import dev.irqtopo.model.RequesterId;
import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.message.Message;

import java.util.List;
import java.util.Objects;

/**
 * One message one device emitted on a booted platform: each step it took, in words, and where it ended.
 *
 * @param requesterId the requester id the IOMMU sees on it: a sub-device's parent's, a bridge's alias
 *                    behind a bridge
 */
public record TraceReport(String platform, String device, RequesterId requesterId, Message message, List<String> steps,
                          Delivery delivery) {

    public TraceReport {
        Objects.requireNonNull(platform);
        Objects.requireNonNull(device);
        Objects.requireNonNull(requesterId);
        Objects.requireNonNull(message);
        steps = List.copyOf(steps);
        Objects.requireNonNull(delivery);
    }
}
