package dev.irqtopo.compiler.emit;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a model table into the string constants generated code carries. A class file stores a
 * constant string in at most 65 535 bytes; the table is ASCII, one byte per character, so each part
 * stays below {@link #LIMIT} characters. Parts end at line ends where possible, so that each record
 * is one source line; a longer record is cut where the limit falls (decoding joins the parts first).
 */
final class ModelConstants {

    /** Characters per constant: well below the class file's limit of 65 535 bytes. */
    static final int LIMIT = 60_000;

    private ModelConstants() {
    }

    static List<String> split(String table) {
        return split(table, LIMIT);
    }

    static List<String> split(String table, int limit) {
        for (int i = 0; i < table.length(); i++) {
            if (table.charAt(i) >= 0x80) {
                throw new IllegalArgumentException("a model table is ASCII text");
            }
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < table.length()) {
            int end = Math.min(start + limit, table.length());
            if (end < table.length()) {
                int lineEnd = table.lastIndexOf('\n', end - 1);
                if (lineEnd >= start) {
                    end = lineEnd + 1;
                }
            }
            parts.add(table.substring(start, end));
            start = end;
        }
        return parts;
    }
}
