package dev.irqtopo.testing;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.LongStream;

/**
 * Runs a property over many generated cases. Each case gets its own seeded {@link Random}, so a
 * failure names the seed that reproduces it ({@link #random(long)}) and every run checks exactly the
 * same cases.
 */
public final class PropertyRuns {

    private PropertyRuns() {
    }

    /** Checks {@code property} for seeds {@code 0..tries-1}; a failure is rethrown naming its seed. */
    public static void forEachSeed(int tries, Consumer<Random> property) {
        for (long seed = 0; seed < tries; seed++) {
            try {
                property.accept(random(seed));
            } catch (AssertionError | RuntimeException e) {
                throw failure(seed, e);
            }
        }
    }

    /**
     * {@link #forEachSeed} spread over every core, for properties whose cases share nothing (a
     * property that tallies must do so thread-safely). The same seeds are checked; when some fail,
     * the lowest failing seed is reported, as the sequential run would, because seeds above a known
     * failure are the only ones skipped.
     */
    public static void forEachSeedInParallel(int tries, Consumer<Random> property) {
        AtomicLong lowestFailing = new AtomicLong(Long.MAX_VALUE);
        Map<Long, Throwable> failures = new ConcurrentHashMap<>();
        LongStream.range(0, tries).parallel().forEach(seed -> {
            if (seed > lowestFailing.get()) {
                return;
            }
            try {
                property.accept(random(seed));
            } catch (AssertionError | RuntimeException e) {
                failures.put(seed, e);
                lowestFailing.accumulateAndGet(seed, Math::min);
            }
        });
        if (!failures.isEmpty()) {
            long seed = lowestFailing.get();
            throw failure(seed, failures.get(seed));
        }
    }

    /**
     * The generator of case {@code seed}. The seed is mixed first: {@code new Random(seed)} for
     * consecutive small seeds starts almost the same sequence (its first {@code nextBoolean()} is true
     * for every seed below 3000), so the first choices of a property would hardly vary between cases.
     */
    public static Random random(long seed) {
        long z = seed + 0x9E37_79B9_7F4A_7C15L;
        z = (z ^ z >>> 30) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ z >>> 27) * 0x94D0_49BB_1331_11EBL;
        return new Random(z ^ z >>> 31);
    }

    private static AssertionError failure(long seed, Throwable cause) {
        return new AssertionError("property fails for seed " + seed + ": " + cause.getMessage(), cause);
    }
}
