package dev.irqtopo.compiler.parse;

import dev.irqtopo.compiler.diag.Diagnostic;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

/**
 * Collects lexer and parser errors as IRQ001 diagnostics with 1-based columns (ANTLR's are 0-based).
 * It keeps at most {@link #LIMIT}: past that, a file is not worth more messages.
 */
final class SyntaxErrors extends BaseErrorListener {

    static final int LIMIT = 100;

    private final String file;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    SyntaxErrors(String file) {
        this.file = file;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
            String msg, RecognitionException e) {
        add(line, charPositionInLine + 1, msg);
    }

    void add(int line, int column, String message) {
        if (diagnostics.size() < LIMIT) {
            diagnostics.add(DiagnosticCode.IRQ001.at(file, Math.max(line, 1), Math.max(column, 1), message));
        }
    }

    List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }
}
