package dev.irqtopo.compiler;

import java.util.Objects;

/**
 * A source file's text and its name as the user gave it, which diagnostics print.
 */
public record SourceFile(String name, String text) {

    public SourceFile {
        Objects.requireNonNull(name);
        Objects.requireNonNull(text);
    }
}
