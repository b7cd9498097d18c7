package dev.irqtopo.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.IntFunction;

/**
 * How the cost of some work grows with its size, for tests that guard against an accidentally
 * quadratic loop. The work is timed in this thread's CPU time, which other processes on a busy machine
 * do not inflate, at a small and a large size, each the fastest of a few runs after a warm-up. The
 * answer compares the growth with linear: about 1 for linear work, about {@code large / small} for
 * quadratic work, so with sizes far apart a loose bound tells the two apart without flaking.
 */
public final class Growth {

    private static final int RUNS = 5;

    private Growth() {
    }

    /**
     * {@code time(large) / (large / small × time(small))}.
     *
     * @param work given a size, the work to time (prepared beforehand, so that only running it is timed)
     */
    public static double againstLinear(int small, int large, IntFunction<Runnable> work) {
        if (small < 1 || large <= small) {
            throw new IllegalArgumentException("sizes " + small + " and " + large);
        }
        Runnable smallWork = work.apply(small);
        Runnable largeWork = work.apply(large);
        smallWork.run();
        largeWork.run();
        long smallNanos = fastest(smallWork);
        long largeNanos = fastest(largeWork);
        return largeNanos / ((double) large / small * Math.max(smallNanos, 1));
    }

    private static long fastest(Runnable work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuTime = threads.isCurrentThreadCpuTimeSupported();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < RUNS; i++) {
            long start = cpuTime ? threads.getCurrentThreadCpuTime() : System.nanoTime();
            work.run();
            long end = cpuTime ? threads.getCurrentThreadCpuTime() : System.nanoTime();
            best = Math.min(best, end - start);
        }
        return best;
    }
}
