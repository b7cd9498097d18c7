package dev.irqtopo.runtime;

import java.util.Objects;

/**
 * One destination a device's messages can land on (a remap entry, or a host CPU vector reached in
 * compatibility format) with the lowest message that lands there, and what happens to it.
 */
public record Reach(Message message, Delivery delivery) {

    public Reach {
        Objects.requireNonNull(message);
        Objects.requireNonNull(delivery);
    }
}
