package dev.irqtopo.compiler;

import dev.irqtopo.compiler.diag.Diagnostic;
import dev.irqtopo.model.PlatformModel;
import java.util.List;
import java.util.Objects;

/**
 * What checking a file gave: every diagnostic, sorted by line, column and code, and, when there is no
 * error, the file's platforms resolved into models with every default applied.
 *
 * @param platforms in source order; empty when there are errors
 */
public record CheckResult(SourceFile source, List<Diagnostic> diagnostics, List<PlatformModel> platforms) {

    public CheckResult {
        Objects.requireNonNull(source);
        diagnostics = List.copyOf(diagnostics);
        platforms = List.copyOf(platforms);
        if (!platforms.isEmpty() && diagnostics.stream().anyMatch(Diagnostic::isError)) {
            throw new IllegalArgumentException("a file with errors has no platform models");
        }
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
