package dev.irqtopo.runtime.gic;

import dev.irqtopo.runtime.message.Message;
import java.util.Objects;

/** An interrupt a sender can raise, with the lowest message (by address, then data) that raises it. */
public record Reached(GicInterrupt interrupt, String unit, Message lowest) implements Comparable<Reached> {

    public Reached {
        Objects.requireNonNull(interrupt);
        Objects.requireNonNull(unit);
        Objects.requireNonNull(lowest);
    }

    @Override
    public int compareTo(Reached other) {
        int c = interrupt.compareTo(other.interrupt);
        return c != 0 ? c : lowest.compareTo(other.lowest);
    }
}
