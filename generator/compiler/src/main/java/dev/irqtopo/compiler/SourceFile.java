package dev.irqtopo.compiler;

import java.util.List;
import java.util.Objects;

/**
 * A source file's text and its name as the user gave it, which diagnostics print.
 *
 * @param encodingErrors where the file's bytes were not UTF-8 (each replaced by U+FFFD in the text);
 *                       each is an error, and the rest of the file is still checked
 */
public record SourceFile(String name, String text, List<EncodingError> encodingErrors) {

    public SourceFile {
        Objects.requireNonNull(name);
        Objects.requireNonNull(text);
        encodingErrors = List.copyOf(encodingErrors);
    }

    /** A file that was read as valid text. */
    public SourceFile(String name, String text) {
        this(name, text, List.of());
    }
}
