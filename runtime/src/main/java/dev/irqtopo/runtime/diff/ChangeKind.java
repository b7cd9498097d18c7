package dev.irqtopo.runtime.diff;

/** Whether a part is only in the new design, only in the old one, or in both with fields that differ. */
public enum ChangeKind {
    ADDED("added"),
    REMOVED("removed"),
    CHANGED("changed");

    private final String keyword;

    ChangeKind(String keyword) {
        this.keyword = keyword;
    }

    /** {@code added}, {@code removed} or {@code changed}: the word the reports use. */
    public String keyword() {
        return keyword;
    }
}
