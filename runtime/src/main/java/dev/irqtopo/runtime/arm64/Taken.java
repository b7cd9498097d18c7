package dev.irqtopo.runtime.arm64;

import dev.irqtopo.runtime.gic.GicInterrupt;
import dev.irqtopo.runtime.message.Message;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One interrupt an MSI parent domain handed out: what the GIC raises for it, the EventID (ITS only)
 * and DeviceID (ITS only) behind it, and the message {@code compose} wrote for it.
 *
 * @param unit the ITS or GICv2m frame that raises it
 */
public record Taken(GicInterrupt interrupt, String unit, OptionalLong deviceId, OptionalLong eventId, Message composed) {

    public Taken {
        Objects.requireNonNull(interrupt);
        Objects.requireNonNull(unit);
        Objects.requireNonNull(deviceId);
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(composed);
    }
}
