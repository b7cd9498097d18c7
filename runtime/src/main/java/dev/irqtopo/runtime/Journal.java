package dev.irqtopo.runtime;

import java.util.Arrays;

/**
 * The undo log of one interrupt's allocation: every state change records its inverse, and rolling
 * back runs them newest first. A failed request rolls back everything it took; freeing an interrupt
 * rolls back its allocation, so both restore exactly the state from before.
 *
 * <p>A plain array that is made on the first record: every interrupt has a journal, and one that
 * records nothing (a host-side interrupt whose changes go to its guest interrupt's journal) costs
 * no more than the empty object.
 */
final class Journal {

    /** Room for the changes of one interrupt through the longest chain, host side included. */
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

    /** Takes over another journal's entries, to be undone before this one's earlier entries. */
    void append(Journal later) {
        for (int i = 0; i < later.size; i++) {
            record(later.undo[i]);
        }
        later.clear();
    }

    void rollback() {
        for (int i = size - 1; i >= 0; i--) {
            undo[i].run();
        }
        clear();
    }

    private void clear() {
        undo = null;
        size = 0;
    }
}
