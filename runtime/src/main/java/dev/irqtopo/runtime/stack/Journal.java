package dev.irqtopo.runtime.stack;

import java.util.Arrays;

/**
 * The undo log of one request (one interrupt, or a whole multi-message MSI block): the chain's free,
 * then what the bus domain claimed and stored (a trapped store's host side included), and rolling back
 * runs them newest first. A failed request rolls back everything it took; freeing an interrupt rolls
 * back its request, so both restore exactly the state from before.
 *
 * <p>A plain array that is made on the first record.
 */
final class Journal {

    /** Room for the records of one request: the chain, the claim, the store and an MSI enable or a host side. */
    private static final int TYPICAL = 4;

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
