package dev.irqtopo.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The undo log of one interrupt's allocation: every state change records its inverse, and rolling
 * back runs them newest first. A failed request rolls back everything it took; freeing an interrupt
 * rolls back its allocation, so both restore exactly the state from before.
 */
final class Journal {

    private final List<Runnable> undo = new ArrayList<>();

    void record(Runnable inverse) {
        undo.add(inverse);
    }

    /** Takes over another journal's entries, to be undone before this one's earlier entries. */
    void append(Journal later) {
        undo.addAll(later.undo);
        later.undo.clear();
    }

    void rollback() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
        undo.clear();
    }
}
