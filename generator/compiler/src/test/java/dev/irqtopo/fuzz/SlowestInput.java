package dev.irqtopo.fuzz;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * The slowest inputs of a fuzzing run, for its report: libFuzzer stops an input only past its time limit
 * and says nothing of those below it. The first inputs of a run load and compile the front end, so they
 * are not recorded. A pause of the JVM or of the machine can make any input look slow, so the report
 * times the recorded inputs again, each at its best of a few runs.
 */
final class SlowestInput {

    private static final int WARM_UP = 1_000;
    private static final int KEPT = 10;
    private static final int REPLAYS = 5;

    private record Timed(byte[] input, long nanos) {
    }

    private static final PriorityQueue<Timed> SLOWEST = new PriorityQueue<>(Comparator.comparingLong(Timed::nanos));
    private static long inputs;

    private SlowestInput() {
    }

    static synchronized void record(byte[] input, long nanos) {
        inputs++;
        if (inputs <= WARM_UP || (SLOWEST.size() == KEPT && nanos <= SLOWEST.peek().nanos())) {
            return;
        }
        SLOWEST.add(new Timed(input.clone(), nanos));
        if (SLOWEST.size() > KEPT) {
            SLOWEST.poll();
        }
    }

    /**
     * After a fuzzing run, prints one line: the inputs run, the longest time seen, and the longest of the
     * slowest inputs timed again; the slowest of them is kept in {@code file} to replay. Prints nothing
     * after a replay of the committed inputs, which are too few to time.
     */
    static synchronized void report(Consumer<byte[]> target, PrintStream out, Path file) throws IOException {
        if (SLOWEST.isEmpty()) {
            return;
        }
        List<Timed> seen = SLOWEST.stream().sorted(Comparator.comparingLong(Timed::nanos).reversed()).toList();
        Timed slowest = null;
        for (Timed t : seen) {
            Timed again = new Timed(t.input(), bestOf(target, t.input()));
            if (slowest == null || again.nanos() > slowest.nanos()) {
                slowest = again;
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, slowest.input());
        out.printf("front end fuzz: %d inputs; longest seen %.1f ms; slowest of the %d longest, timed again:"
                + " %.1f ms for %d bytes (kept in %s)%n", inputs, seen.get(0).nanos() / 1e6, seen.size(),
                slowest.nanos() / 1e6, slowest.input().length, file);
    }

    private static long bestOf(Consumer<byte[]> target, byte[] input) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < REPLAYS; i++) {
            long start = System.nanoTime();
            target.accept(input);
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }
}
