package dev.irqtopo.compiler.diag;

/** How serious a diagnostic is: errors stop generation, warnings describe what will happen at run time. */
public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String word;

    Severity(String word) {
        this.word = word;
    }

    /** The word printed in a diagnostic line: {@code error} or {@code warning}. */
    public String word() {
        return word;
    }
}
