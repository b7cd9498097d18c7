package dev.irqtopo.compiler.parse;

import dev.irqtopo.grammar.IrqtopoLexer;
import org.antlr.v4.runtime.Token;

/** Turns the lexer's error tokens (channel ERRORS) into IRQ001 messages at the right column. */
final class LexicalErrors {

    private LexicalErrors() {
    }

    static void report(Token token, SyntaxErrors errors) {
        int line = token.getLine();
        int column = token.getCharPositionInLine() + 1;
        String text = token.getText();
        switch (token.getType()) {
            case IrqtopoLexer.UNTERMINATED_STRING -> errors.add(line, column, "unterminated string");
            case IrqtopoLexer.UNTERMINATED_COMMENT -> errors.add(line, column, "unterminated comment");
            case IrqtopoLexer.BAD_ESCAPE_STRING -> {
                int backslash = badEscape(text);
                errors.add(line, column + text.codePointCount(0, backslash),
                        "unknown escape " + describeEscape(text.codePointAt(backslash + 1))
                                + " in string: only \\\" and \\\\ are escapes");
            }
            default -> errors.add(line, column, "unexpected character " + describe(text.codePointAt(0)));
        }
    }

    /** The index of the first backslash that does not start {@code \"} or {@code \\}. */
    private static int badEscape(String text) {
        for (int i = 1; i < text.length() - 1; i++) {
            if (text.charAt(i) == '\\') {
                char next = text.charAt(i + 1);
                if (next != '"' && next != '\\') {
                    return i;
                }
                i++;
            }
        }
        throw new IllegalStateException("no bad escape in " + text);
    }

    private static String describe(int codePoint) {
        return printable(codePoint) ? "'" + new String(Character.toChars(codePoint)) + "'"
                : String.format("U+%04X", codePoint);
    }

    /**
     * {@code '\q'}, or for a character that does not print, {@code '\' followed by U+0009}. The whole
     * character follows the backslash: one outside the Basic Multilingual Plane is two Java chars.
     */
    private static String describeEscape(int codePoint) {
        return printable(codePoint) ? "'\\" + new String(Character.toChars(codePoint)) + "'"
                : "'\\' followed by " + describe(codePoint);
    }

    private static boolean printable(int codePoint) {
        return codePoint > ' ' && codePoint != 0x7f && !Character.isISOControl(codePoint)
                && !Character.isWhitespace(codePoint) && Character.isDefined(codePoint);
    }
}
