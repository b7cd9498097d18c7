package dev.irqtopo.importer;

/**
 * Input that cannot be imported: a truncated or corrupt table, text in another format, an unsafe archive.
 * Its message is one line that names the file and the byte offset or line where the problem is.
 */
public final class BadInputException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;

    public BadInputException(String file, String where, String problem) {
        super(file + (where.isEmpty() ? "" : " " + where) + ": " + problem);
        this.file = file;
    }

    /** The file the problem is in, as the collected files name it ({@code DMAR}, {@code lspci-vvv.txt}). */
    public String file() {
        return file;
    }

    /** The where-part for a byte offset: {@code at byte 0x2c}. */
    public static String atByte(int offset) {
        return String.format("at byte 0x%x", offset);
    }

    /** The where-part for a line: {@code line 12}. */
    public static String atLine(int line) {
        return "line " + line;
    }
}
