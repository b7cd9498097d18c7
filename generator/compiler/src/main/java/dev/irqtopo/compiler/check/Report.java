package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.Pos;
import dev.irqtopo.compiler.ast.StackDecl;
import dev.irqtopo.compiler.diag.Diagnostic;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import java.util.ArrayList;
import java.util.List;

/** Collects the diagnostics of one checker run. */
final class Report {

    private final String file;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    Report(String file) {
        this.file = file;
    }

    /**
     * Reports a problem of a code (its severity is the code's) at a token. A token gets one diagnostic
     * of a code: the first message found stands for the others ({@code apic_ids 0, 0} with three CPUs has
     * a repeated ID and too few IDs at the same number).
     */
    void add(DiagnosticCode code, Pos at, String message) {
        boolean known = diagnostics.stream().anyMatch(
                d -> d.code().equals(code.name()) && d.line() == at.line() && d.column() == at.column());
        if (!known) {
            diagnostics.add(code.at(file, at.line(), at.column(), message));
        }
    }

    /** Whether an error points into the stack's text: such a stack gets no warnings. */
    boolean hasErrorIn(StackDecl stack) {
        return diagnostics.stream()
                .anyMatch(d -> d.isError() && stack.contains(new Pos(d.line(), d.column())));
    }

    List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }
}
