package dev.irqtopo.compiler;

/**
 * A source file that could not be read as text: missing, a directory, not readable, not UTF-8, or
 * binary. The message is one line naming the file: {@code cannot read foo.irqtopo: no such file}.
 */
public final class UnreadableSourceException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String reason;

    public UnreadableSourceException(String file, String reason) {
        super("cannot read " + file + ": " + reason);
        this.file = file;
        this.reason = reason;
    }

    /** The file's name as the user gave it. */
    public String file() {
        return file;
    }

    /** Why it could not be read, e.g. {@code no such file}. */
    public String reason() {
        return reason;
    }
}
