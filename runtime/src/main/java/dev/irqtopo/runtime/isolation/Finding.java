package dev.irqtopo.runtime.isolation;

import dev.irqtopo.model.RequesterId;
import dev.irqtopo.runtime.message.DeliveryMode;
import dev.irqtopo.runtime.message.Message;

import java.util.List;
import java.util.Objects;

/**
 * A breach: through {@code means}, {@code guest} can make {@code device} emit {@code message} with
 * {@code requesterId} (the one the IOMMU sees), and it lands on an interrupt of {@code victim}
 * ({@code "host"} or another guest). The message is the lowest (by address, then data) of all that
 * reach this victim.
 *
 * @param findingClass why the remapping unit let the message through
 * @param special      the special delivery modes the device can also send to the victim, in the order
 *                     SMI, NMI, INIT, ExtINT
 * @param path         each step the message takes, in words
 */
public record Finding(String guest, String device, Means means, String victim, FindingClass findingClass,
                      List<DeliveryMode> special, Message message, RequesterId requesterId, List<String> path) {

    public Finding {
        Objects.requireNonNull(guest);
        Objects.requireNonNull(device);
        Objects.requireNonNull(means);
        Objects.requireNonNull(victim);
        Objects.requireNonNull(findingClass);
        special = List.copyOf(special);
        Objects.requireNonNull(message);
        Objects.requireNonNull(requesterId);
        path = List.copyOf(path);
        if (special.contains(DeliveryMode.FIXED)) {
            throw new IllegalArgumentException("fixed is not a special delivery mode");
        }
    }
}
