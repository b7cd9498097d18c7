package dev.irqtopo.compiler.diag;

import java.util.List;

/**
 * Renders diagnostics for people: the {@code FILE:LINE:COL: severity: MESSAGE [IRQnnn]} line, the
 * source line it points into, and a caret under the column. Tabs before the column are copied into
 * the caret line so that the caret stays aligned whatever the terminal's tab width.
 */
public final class DiagnosticPrinter {

    private DiagnosticPrinter() {
    }

    /** One diagnostic, three lines, each ending in a newline. */
    public static String render(Diagnostic diagnostic, String sourceText) {
        String line = sourceLine(sourceText, diagnostic.line());
        return diagnostic.headline() + "\n" + line + "\n" + caret(line, diagnostic.column()) + "\n";
    }

    /** Every diagnostic in the given order. */
    public static String render(List<Diagnostic> diagnostics, String sourceText) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            out.append(render(d, sourceText));
        }
        return out.toString();
    }

    /** The 1-based line of the text without its line terminator; empty past the end. */
    static String sourceLine(String text, int line) {
        int start = 0;
        for (int n = 1; n < line; n++) {
            int next = text.indexOf('\n', start);
            if (next < 0) {
                return "";
            }
            start = next + 1;
        }
        int end = text.indexOf('\n', start);
        String found = end < 0 ? text.substring(start) : text.substring(start, end);
        return found.endsWith("\r") ? found.substring(0, found.length() - 1) : found;
    }

    /** Blanks (tabs kept) under the characters before the column, then a caret. */
    static String caret(String line, int column) {
        StringBuilder caret = new StringBuilder();
        int[] codePoints = line.codePoints().toArray();
        for (int i = 0; i < column - 1; i++) {
            caret.append(i < codePoints.length && codePoints[i] == '\t' ? '\t' : ' ');
        }
        return caret.append('^').toString();
    }
}
