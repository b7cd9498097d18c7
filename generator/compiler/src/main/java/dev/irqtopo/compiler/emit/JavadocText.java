package dev.irqtopo.compiler.emit;

/**
 * Free text (a platform's description) made safe for a Javadoc comment in an ASCII source file: HTML's
 * special characters, {@code @} (a tag at the start of a line), {@code *} (which could close the
 * comment) and the backslash (javac reads backslash-u sequences even in comments) become character
 * references, and so does every character outside printable ASCII. The generated file then compiles
 * the same whatever source encoding the build uses.
 */
final class JavadocText {

    private JavadocText() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean plain = c >= ' ' && c < 0x7f && "&<>@*\\{}$".indexOf(c) < 0;
            if (plain) {
                out.appendCodePoint(c);
            } else {
                out.append("&#").append(c).append(';');
            }
        });
        return out.toString();
    }

    /**
     * Text broken at blanks into lines of at most {@code width} characters (a longer word stays whole),
     * each ending in a line end.
     */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        int lineStart = 0;
        for (String word : text.split(" ")) {
            int lineLength = out.length() - lineStart;
            if (lineLength > 0 && lineLength + 1 + word.length() > width) {
                out.append('\n');
                lineStart = out.length();
            } else if (lineLength > 0) {
                out.append(' ');
            }
            out.append(word);
        }
        return out.append('\n').toString();
    }

    /**
     * A Java string literal, quotes included, that is pure ASCII: other characters become unicode
     * escapes, which javac reads whatever the source encoding.
     */
    static String asciiLiteral(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= ' ' && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append('"').toString();
    }
}
