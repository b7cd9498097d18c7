package dev.irqtopo.testing;

import java.util.Random;
import java.util.function.Consumer;

/**
 * Runs a property over many generated cases. Each case gets its own seeded {@link Random}, so a
 * failure names the seed that reproduces it and every run checks exactly the same cases.
 */
public final class PropertyRuns {

    private PropertyRuns() {
    }

    /** Checks {@code property} for seeds {@code 0..tries-1}; a failure is rethrown naming its seed. */
    public static void forEachSeed(int tries, Consumer<Random> property) {
        for (long seed = 0; seed < tries; seed++) {
            try {
                property.accept(new Random(seed));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("property fails for seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }
}
