package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.Platform;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.ast.Pos;
import dev.irqtopo.compiler.ast.StackDecl;
import dev.irqtopo.compiler.diag.Diagnostic;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.compiler.diag.GenerationCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Collects the diagnostics of one checker run, and keeps what every rule of the run shares: the
 * lookups over each platform. Each question it answers costs the same however many diagnostics a
 * file has, so that checking stays linear in the size of the file.
 */
final class Report {

    private final String file;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    /** Code and position of every diagnostic, for the one-per-token rule of {@link #add}. */
    private final Set<String> reported = new HashSet<>();
    private final TreeSet<Pos> errors = new TreeSet<>();
    private final Map<Platform, PlatformIndex> indexes = new IdentityHashMap<>();

    Report(String file) {
        this.file = file;
    }

    /**
     * Reports a problem of a code (its severity is the code's) at a token. A token gets one diagnostic
     * of a code: the first message found stands for the others ({@code apic_ids 0, 0} with three CPUs has
     * a repeated ID and too few IDs at the same number).
     */
    void add(DiagnosticCode code, Pos at, String message) {
        if (reported.add(code.name() + "@" + at)) {
            added(code.at(file, at.line(), at.column(), message), at);
        }
    }

    /** Reports a problem of a generation run's code at a token, as {@link #add(DiagnosticCode, Pos, String)} does. */
    void add(GenerationCode code, Pos at, String message) {
        if (reported.add(code.name() + "@" + at)) {
            added(code.at(file, at.line(), at.column(), message), at);
        }
    }

    private void added(Diagnostic diagnostic, Pos at) {
        diagnostics.add(diagnostic);
        if (diagnostic.isError()) {
            errors.add(at);
        }
    }

    /** Whether an error points into the stack's text: such a stack gets no warnings. */
    boolean hasErrorIn(StackDecl stack) {
        Pos first = errors.ceiling(stack.at());
        return first != null && stack.contains(first);
    }

    /** The lookups over a platform, built once per run for all the rules that ask. */
    PlatformIndex index(Platform platform) {
        return indexes.computeIfAbsent(platform, PlatformIndex::of);
    }

    List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }
}
