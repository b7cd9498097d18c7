package dev.irqtopo.runtime.delivery;

import java.util.List;
import java.util.Objects;

/** Where a message ended and each step it took on the way, in words. */
public record Trace(Delivery delivery, List<String> steps) {

    public Trace {
        Objects.requireNonNull(delivery);
        steps = List.copyOf(steps);
    }
}
