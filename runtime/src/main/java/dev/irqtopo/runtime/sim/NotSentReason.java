package dev.irqtopo.runtime.sim;

/** Why firing a slot sent nothing. */
public enum NotSentReason {
    /** No message was ever stored in the slot. */
    NEVER_WRITTEN("never_written", "never written"),
    /** The slot holds a message but is masked. */
    MASKED("masked", "masked"),
    /**
     * The guest's store was trapped and the hypervisor dropped it: the message names no vCPU of the
     * guest, or the host could not allocate for it. The real slot stays masked and never written.
     */
    TRAPPED_STORE_DROPPED("trapped_store_dropped",
            "the hypervisor dropped the trapped store: it names no vCPU, or the host could not allocate");

    private final String keyword;
    private final String words;

    NotSentReason(String keyword, String words) {
        this.keyword = keyword;
        this.words = words;
    }

    /** {@code never_written}, as the JSON output gives it. */
    public String keyword() {
        return keyword;
    }

    /** The reason for people. */
    public String words() {
        return words;
    }
}
