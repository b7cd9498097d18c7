package dev.irqtopo.compiler.parse;

import dev.irqtopo.compiler.ast.IrqtopoFile;
import dev.irqtopo.compiler.diag.Diagnostic;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What parsing gave: the AST when the file had no syntax error, else the IRQ001 diagnostics (in the
 * order found; the caller sorts).
 */
public record ParseResult(Optional<IrqtopoFile> file, List<Diagnostic> diagnostics) {

    public ParseResult {
        Objects.requireNonNull(file);
        diagnostics = List.copyOf(diagnostics);
    }
}
