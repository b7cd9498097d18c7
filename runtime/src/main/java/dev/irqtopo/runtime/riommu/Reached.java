package dev.irqtopo.runtime.riommu;

import dev.irqtopo.runtime.message.Message;
import java.util.Objects;

/** A target a device can make pending, the route of its lowest write, and that write (address, then data). */
public record Reached(Target target, Route via, Message lowest) implements Comparable<Reached> {

    public Reached {
        Objects.requireNonNull(target);
        Objects.requireNonNull(via);
        Objects.requireNonNull(lowest);
    }

    @Override
    public int compareTo(Reached other) {
        int c = target.compareTo(other.target);
        return c != 0 ? c : lowest.compareTo(other.lowest);
    }
}
