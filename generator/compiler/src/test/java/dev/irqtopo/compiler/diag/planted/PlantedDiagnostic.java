package dev.irqtopo.compiler.diag.planted;

import dev.irqtopo.compiler.emit.planted.PlantedEmitter;

/**
 * A test fixture only: a class in the diagnostics layer that uses one in the emit layer, which the
 * pipeline's layering forbids, and with {@link PlantedEmitter} a cycle between two packages.
 */
public final class PlantedDiagnostic {

    private PlantedDiagnostic() {
    }

    static String emitter() {
        return PlantedEmitter.name();
    }
}
