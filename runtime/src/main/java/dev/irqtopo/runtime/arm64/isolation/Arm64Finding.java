package dev.irqtopo.runtime.arm64.isolation;

import dev.irqtopo.model.RequesterId;
import dev.irqtopo.runtime.message.Message;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A breach: through {@code means} ({@code dma} for a function, the untrapped storage's kind for a
 * sub-device), {@code guest} makes {@code device} write {@code message} — the lowest, by address then
 * data, of all that reach {@code victim} — and it raises INTID {@code intid} at {@code unit}, an
 * interrupt of {@code victim} ({@code host} or another guest).
 *
 * @param message     as the device writes it (an IOVA behind an SMMU)
 * @param requesterId the one the root complex sees: a bridge's alias, a sub-device's parent's
 * @param deviceId    the DeviceID the write presents at {@code unit}; empty at a GICv2m frame
 * @param path        each step the write takes, in words
 */
public record Arm64Finding(String guest, String device, String means, String victim, Arm64FindingClass findingClass,
                           Message message, RequesterId requesterId, String unit, OptionalLong deviceId, int intid,
                           List<String> path) {

    public Arm64Finding {
        Objects.requireNonNull(guest);
        Objects.requireNonNull(device);
        Objects.requireNonNull(means);
        Objects.requireNonNull(victim);
        Objects.requireNonNull(findingClass);
        Objects.requireNonNull(message);
        Objects.requireNonNull(requesterId);
        Objects.requireNonNull(unit);
        Objects.requireNonNull(deviceId);
        path = List.copyOf(path);
    }
}
