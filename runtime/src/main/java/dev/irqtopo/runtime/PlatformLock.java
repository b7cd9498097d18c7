package dev.irqtopo.runtime;

import java.util.concurrent.locks.StampedLock;
import java.util.function.Supplier;

/**
 * The one lock of a platform. Changes (allocate, free, write, boot) hold it exclusively, so they run
 * one at a time and nobody sees one half done; queries hold it shared. Firing a slot never takes it:
 * it reads a stamp that names the current state, reuses the delivery computed for that state, and
 * otherwise computes one without the lock and keeps it only if no change overlapped the reading.
 *
 * <p>Not reentrant: code that holds it must call only the engine's inner, unlocked methods.
 */
final class PlatformLock {

    /** Spins this often while a change is running before giving the CPU away, as changes are short. */
    private static final int SPINS = 64;

    private final StampedLock lock = new StampedLock();

    /** Runs {@code change} alone. */
    <T> T change(Supplier<T> change) {
        long stamp = lock.writeLock();
        try {
            return change.get();
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Runs {@code query} on a state no change is altering. */
    <T> T read(Supplier<T> query) {
        long stamp = lock.readLock();
        try {
            return query.get();
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /**
     * A stamp naming the current state, equal to an earlier one exactly when no change has run in
     * between; 0 while a change is running.
     */
    long stamp() {
        return lock.tryOptimisticRead();
    }

    /** Whether no change has started since {@code stamp} was taken, so what was read since is one consistent state. */
    boolean unchangedSince(long stamp) {
        return lock.validate(stamp);
    }

    /** Waits a little for a running change to end: spinning first, then yielding. */
    static void backOff(int attempt) {
        if (attempt < SPINS) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }
}
