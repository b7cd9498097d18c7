package dev.irqtopo.compiler;

import dev.irqtopo.compiler.diag.Position;

/**
 * Turns offsets in a text (in Java chars), asked in increasing order, into lines and columns as the
 * lexer counts them: a line ends at each {@code '\n'}, and columns count code points, so a character
 * outside the Basic Multilingual Plane is one column.
 */
final class TextPositions {

    private final String text;
    private int scanned;
    private int line = 1;
    private int lineStart;

    TextPositions(String text) {
        this.text = text;
    }

    Position at(int offset) {
        if (offset < scanned) {
            throw new IllegalArgumentException("offsets must not decrease: " + offset + " after " + scanned);
        }
        for (; scanned < offset; scanned++) {
            if (text.charAt(scanned) == '\n') {
                line++;
                lineStart = scanned + 1;
            }
        }
        return new Position(line, text.codePointCount(lineStart, offset) + 1);
    }
}
