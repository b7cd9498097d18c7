package dev.irqtopo.compiler;

import dev.irqtopo.compiler.diag.Diagnostic;
import java.util.List;

/**
 * What generation gave: each file's check, with the generator's own diagnostics added, and the
 * generated sources, which are empty whenever generation failed.
 *
 * @param checks        one per source file, in request order
 * @param files         sorted by path; empty when {@link #hasErrors()}
 * @param failOnWarning whether warnings counted as errors
 */
public record GenerateResult(List<CheckResult> checks, List<GeneratedFile> files, boolean failOnWarning) {

    public GenerateResult {
        checks = List.copyOf(checks);
        files = List.copyOf(files);
        if (!files.isEmpty() && failed(checks, failOnWarning)) {
            throw new IllegalArgumentException("a failed generation has no files");
        }
    }

    /** A result where warnings are only warnings. */
    public GenerateResult(List<CheckResult> checks, List<GeneratedFile> files) {
        this(checks, files, false);
    }

    /** Whether generation failed: an error in any file, or a warning when warnings fail it. */
    public boolean hasErrors() {
        return failed(checks, failOnWarning);
    }

    /** Every diagnostic of every file, file by file. */
    public List<Diagnostic> diagnostics() {
        return checks.stream().flatMap(c -> c.diagnostics().stream()).toList();
    }

    private static boolean failed(List<CheckResult> checks, boolean failOnWarning) {
        return checks.stream().anyMatch(c -> c.hasErrors() || failOnWarning && !c.diagnostics().isEmpty());
    }
}
