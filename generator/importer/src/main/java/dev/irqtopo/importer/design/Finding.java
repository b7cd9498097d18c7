package dev.irqtopo.importer.design;

/**
 * Something import reports beside the design: a warning where the tables disagree with each other or
 * with what Linux did, or a note on what was missing and defaulted.
 *
 * @param where the table and byte offset, or file and line, it is about
 */
public record Finding(Severity severity, String where, String message) {

    public enum Severity { WARNING, NOTE }

    public static Finding warning(String where, String message) {
        return new Finding(Severity.WARNING, where, message);
    }

    public static Finding note(String where, String message) {
        return new Finding(Severity.NOTE, where, message);
    }

    @Override
    public String toString() {
        return (severity == Severity.WARNING ? "warning: " : "note: ") + (where.isEmpty() ? "" : where + ": ") + message;
    }
}
