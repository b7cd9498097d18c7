package dev.irqtopo.compiler.diag;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in a source file.
 *
 * @param file     the file's name as the user gave it
 * @param line     1-based line of the offending token
 * @param column   1-based column (in characters; a tab counts as one) of the offending token
 * @param code     the stable code, {@code IRQnnn}
 * @param message  what is wrong, for people
 */
public record Diagnostic(String file, int line, int column, Severity severity, String code, String message) {

    /** The order the checker reports in: by line, then column, then code. */
    public static final Comparator<Diagnostic> ORDER = Comparator.comparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column)
            .thenComparing(Diagnostic::code);

    public Diagnostic {
        Objects.requireNonNull(file);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(code);
        Objects.requireNonNull(message);
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("positions are 1-based: " + line + ":" + column);
        }
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The first line of the rendered form: {@code FILE:LINE:COL: error: MESSAGE [IRQnnn]}. */
    public String headline() {
        return file + ":" + line + ":" + column + ": " + severity.word() + ": " + message + " [" + code + "]";
    }
}
