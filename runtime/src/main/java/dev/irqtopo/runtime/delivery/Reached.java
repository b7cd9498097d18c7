package dev.irqtopo.runtime.delivery;

import dev.irqtopo.runtime.message.DeliveryMode;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.remap.Passage;

import java.util.List;
import java.util.Objects;

/**
 * A victim a device's messages reach, as {@link ReachIndex} finds it: the lowest message that lands on
 * it, how that message got past the remapping unit, and the special delivery modes (SMI, NMI, INIT,
 * ExtINT, in that order) the device can also send to it.
 *
 * @param victim the victim's number in the {@link Victims} the index was made with
 */
public record Reached(int victim, Message message, Passage passage, List<DeliveryMode> special) {

    public Reached {
        Objects.requireNonNull(message);
        Objects.requireNonNull(passage);
        special = List.copyOf(special);
    }
}
