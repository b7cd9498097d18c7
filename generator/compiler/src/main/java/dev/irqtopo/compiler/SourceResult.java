package dev.irqtopo.compiler;

import dev.irqtopo.compiler.ast.IrqtopoFile;
import dev.irqtopo.compiler.diag.Diagnostic;
import dev.irqtopo.model.PlatformModel;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What compiling one source file gave: its syntax tree, every diagnostic sorted by line, column and
 * code, and, when there is no error, its platforms resolved into models with every default applied.
 *
 * @param ast       the parsed file; empty after a syntax error. Later stages read this one, so a file is
 *                  parsed once per run.
 * @param platforms in source order; empty when there are errors
 */
public record SourceResult(SourceFile source, Optional<IrqtopoFile> ast, List<Diagnostic> diagnostics,
                           List<PlatformModel> platforms) {

    public SourceResult {
        Objects.requireNonNull(source);
        Objects.requireNonNull(ast);
        diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
        platforms = List.copyOf(platforms);
        if (!platforms.isEmpty() && diagnostics.stream().anyMatch(Diagnostic::isError)) {
            throw new IllegalArgumentException("a file with errors has no platform models");
        }
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
