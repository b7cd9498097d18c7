package dev.irqtopo.compiler.emit.planted;

import dev.irqtopo.compiler.diag.planted.PlantedDiagnostic;

/** A test fixture only: closes the cycle {@link PlantedDiagnostic} opens. */
public final class PlantedEmitter {

    private PlantedEmitter() {
    }

    public static String name() {
        return PlantedDiagnostic.class.getSimpleName();
    }
}
