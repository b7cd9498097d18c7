package dev.irqtopo.compiler.report;

import dev.irqtopo.compiler.diag.Diagnostic;
import dev.irqtopo.compiler.diag.Position;
import java.util.Objects;

/**
 * A diagnostic with the end of its offending token, as tools that mark a range want it.
 *
 * @param end the position just after the offending token's last character
 */
public record LocatedDiagnostic(Diagnostic diagnostic, Position end) {

    public LocatedDiagnostic {
        Objects.requireNonNull(diagnostic);
        Objects.requireNonNull(end);
    }
}
