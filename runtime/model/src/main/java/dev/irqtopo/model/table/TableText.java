package dev.irqtopo.model.table;

import java.util.Optional;

/**
 * How the table writes strings as single tokens of printable ASCII: a character outside {@code !..~},
 * and the backslash, becomes a backslash and four hexadecimal digits; the empty string is {@code ~};
 * an absent optional value is {@code -}. A string that is exactly {@code ~} or {@code -} has that
 * character escaped, so that every token reads back as what was written.
 */
final class TableText {

    static final String EMPTY = "~";
    static final String ABSENT = "-";

    private TableText() {
    }

    static String escape(String text) {
        if (text.isEmpty()) {
            return EMPTY;
        }
        if (text.equals(EMPTY) || text.equals(ABSENT)) {
            return escaped(text.charAt(0));
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean plain = c > ' ' && c < 0x7f && c != '\\';
            if (!plain && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                out.append(plain ? String.valueOf(c) : escaped(c));
            }
        }
        return out == null ? text : out.toString();
    }

    static String escape(Optional<String> text) {
        return text.map(TableText::escape).orElse(ABSENT);
    }

    /** The string a token stands for; {@code -} is refused here (it is no string). */
    static String unescape(String token) {
        if (token.equals(EMPTY)) {
            return "";
        }
        if (token.equals(ABSENT)) {
            throw new IllegalArgumentException("'-' stands for no value where a string is required");
        }
        int backslash = token.indexOf('\\');
        if (backslash < 0) {
            return token;
        }
        StringBuilder out = new StringBuilder(token.length()).append(token, 0, backslash);
        for (int i = backslash; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i + 5 > token.length()) {
                throw new IllegalArgumentException("truncated escape in '" + token + "'");
            }
            out.append((char) hex(token.substring(i + 1, i + 5), token));
            i += 4;
        }
        return out.toString();
    }

    static Optional<String> unescapeOptional(String token) {
        return token.equals(ABSENT) ? Optional.empty() : Optional.of(unescape(token));
    }

    private static String escaped(char c) {
        String digits = Integer.toHexString(c);
        return "\\" + "0000".substring(digits.length()) + digits;
    }

    private static int hex(String digits, String token) {
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = Character.digit(digits.charAt(i), 16);
            if (digit < 0) {
                throw new IllegalArgumentException("bad escape in '" + token + "'");
            }
            value = value * 16 + digit;
        }
        return value;
    }
}
