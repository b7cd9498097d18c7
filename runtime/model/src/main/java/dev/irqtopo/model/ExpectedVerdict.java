package dev.irqtopo.model;

/** What a platform's {@code expect} line says the isolation analysis must find. */
public enum ExpectedVerdict {
    ISOLATED("isolated"),
    BREACH("breach");

    private final String keyword;

    ExpectedVerdict(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    /** Whether a verdict of {@code isolated} is the one expected. */
    public boolean matches(boolean isolated) {
        return isolated == (this == ISOLATED);
    }
}
