package dev.irqtopo.runtime.isolation.planted;

import dev.irqtopo.runtime.message.planted.PlantedUpward;

/** A test fixture only: closes the cycle {@link PlantedUpward} opens. */
public final class PlantedVerdict {

    private PlantedVerdict() {
    }

    public static String name() {
        return PlantedUpward.class.getSimpleName();
    }
}
