package dev.irqtopo.runtime.stack;

import java.util.Arrays;

/**
 * The undo log of one request's allocation (one interrupt, or a whole multi-message MSI block): each
 * level records how to free what it took, the bus domain how to put back what it stored, and rolling
 * back runs them newest first. A failed request rolls back everything it took; freeing an interrupt
 * rolls back its allocation, so both restore exactly the state from before.
 *
 * <p>A plain array that is made on the first record, sized for the longest chain.
 */
final class Journal {

    /** Room for the changes of one request through the longest chain, host side included. */
    private static final int TYPICAL = 8;

    private Runnable[] undo;
    private int size;

    void record(Runnable inverse) {
        if (undo == null) {
            undo = new Runnable[TYPICAL];
        } else if (size == undo.length) {
            undo = Arrays.copyOf(undo, size * 2);
        }
        undo[size++] = inverse;
    }

    void rollback() {
        for (int i = size - 1; i >= 0; i--) {
            undo[i].run();
        }
        undo = null;
        size = 0;
    }
}
