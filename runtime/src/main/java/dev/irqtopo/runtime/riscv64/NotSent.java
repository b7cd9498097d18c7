package dev.irqtopo.runtime.riscv64;

import java.util.Locale;

/** Why firing a slot sent nothing. */
public enum NotSent {
    /** No message was ever stored in the slot. */
    NEVER_WRITTEN("never written"),
    /** The guest's store was trapped and the host could not back it with an identity: the slot was never written. */
    TRAPPED_STORE_DROPPED("the host could not back the trapped store with an identity");

    private final String words;

    NotSent(String words) {
        this.words = words;
    }

    /** {@code never_written}, {@code trapped_store_dropped}: the word JSON uses. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String words() {
        return words;
    }
}
