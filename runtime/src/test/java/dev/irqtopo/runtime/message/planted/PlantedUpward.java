package dev.irqtopo.runtime.message.planted;

import dev.irqtopo.runtime.isolation.planted.PlantedVerdict;

/**
 * A test fixture only: a class in the message layer that uses one in the isolation layer, the
 * dependency the layering forbids, and with {@link PlantedVerdict} a cycle between two packages.
 */
public final class PlantedUpward {

    private PlantedUpward() {
    }

    static String verdict() {
        return PlantedVerdict.name();
    }
}
