package dev.irqtopo.compiler;

import dev.irqtopo.compiler.diag.Diagnostic;
import dev.irqtopo.compiler.output.GeneratedFile;
import dev.irqtopo.model.PlatformDesign;
import dev.irqtopo.model.PlatformModel;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link CompileRequest} gave: one result per source file, in request order, and the generated
 * sources, which exist only for a generation run that did not fail.
 *
 * @param sources one per source file of the request, in its order
 * @param files   sorted by path; empty for a check, and whenever {@link #hasErrors()}
 */
public record CompileResult(CompileRequest request, List<SourceResult> sources, List<GeneratedFile> files) {

    public CompileResult {
        Objects.requireNonNull(request);
        sources = List.copyOf(sources);
        files = files.stream().sorted(Comparator.comparing(GeneratedFile::relativePath)).toList();
        if (sources.size() != request.sources().size()) {
            throw new IllegalArgumentException(sources.size() + " results for " + request.sources().size() + " sources");
        }
        if (!files.isEmpty() && (request.goal() != CompileRequest.Goal.GENERATE || failed(request, sources))) {
            throw new IllegalArgumentException("only a generation run that did not fail has files");
        }
    }

    /** Whether the run failed: an error in any file, or a warning when the request fails on warnings. */
    public boolean hasErrors() {
        return failed(request, sources);
    }

    /** Every diagnostic of every file, file by file, each file's sorted. */
    public List<Diagnostic> diagnostics() {
        return sources.stream().flatMap(s -> s.diagnostics().stream()).toList();
    }

    /** Every platform model of every file without errors, file by file, each file's in source order. */
    public List<PlatformModel> platforms() {
        return sources.stream().flatMap(s -> s.platforms().stream()).toList();
    }

    /** Every platform, x86 or arm64, of every file without errors, file by file, each file's in source order. */
    public List<PlatformDesign> designs() {
        return sources.stream().flatMap(s -> s.designs().stream()).toList();
    }

    private static boolean failed(CompileRequest request, List<SourceResult> sources) {
        return sources.stream().anyMatch(s -> s.hasErrors() || request.failOnWarning() && !s.diagnostics().isEmpty());
    }
}
