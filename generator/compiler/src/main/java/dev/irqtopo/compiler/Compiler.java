package dev.irqtopo.compiler;

import dev.irqtopo.compiler.ast.IrqtopoFile;
import dev.irqtopo.compiler.ast.PackageDecl;
import dev.irqtopo.compiler.check.CheckedFile;
import dev.irqtopo.compiler.check.Checker;
import dev.irqtopo.compiler.diag.Diagnostic;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.compiler.emit.JavaEmitter;
import dev.irqtopo.compiler.model.ModelBuilder;
import dev.irqtopo.compiler.naming.GeneratedNames;
import dev.irqtopo.compiler.output.GeneratedFile;
import dev.irqtopo.compiler.parse.ParseResult;
import dev.irqtopo.compiler.parse.SourceParser;
import dev.irqtopo.model.PlatformDesign;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The compiler's one entry point, shared by the command line, the Maven plugin and the tests: each file
 * is parsed once, checked, and resolved into platform models; a generation run then judges the files
 * that have no error together (the rules that concern the Java code) and, when nothing failed, emits
 * one Java source per platform. Any text gives a result: user mistakes are diagnostics, never
 * exceptions. Nothing here touches the file system; writing the files is {@code output}'s.
 */
public final class Compiler {

    private Compiler() {
    }

    public static CompileResult compile(CompileRequest request) {
        List<SourceResult> results = new ArrayList<>();
        for (SourceFile source : request.sources()) {
            results.add(check(source, request.packageName()));
        }
        if (request.goal() == CompileRequest.Goal.CHECK) {
            return new CompileResult(request, results, List.of());
        }
        results = generationChecks(results);
        CompileResult checked = new CompileResult(request, results, List.of());
        if (checked.hasErrors()) {
            return checked;
        }
        List<GeneratedFile> files = new ArrayList<>();
        for (SourceResult result : results) {
            for (PlatformDesign platform : result.designs()) {
                String path = platform.javaPackage().replace('.', '/') + "/"
                        + GeneratedNames.platformClass(platform.name()) + ".java";
                String text = JavaEmitter.emit(platform, fileName(result.source().name())).toString();
                files.add(new GeneratedFile(path, text));
            }
        }
        return new CompileResult(request, results, files);
    }

    /** Parse, check, and without errors build the models: one file on its own. */
    private static SourceResult check(SourceFile source, Optional<String> packageName) {
        List<Diagnostic> encoding = encodingDiagnostics(source);
        ParseResult parsed = SourceParser.parse(source.name(), source.text(),
                source.encodingErrors().stream().map(EncodingError::at).collect(Collectors.toSet()));
        if (parsed.file().isEmpty()) {
            return new SourceResult(source, Optional.empty(), concat(encoding, parsed.diagnostics()), List.of());
        }
        IrqtopoFile file = parsed.file().get();
        List<Diagnostic> diagnostics = concat(encoding, Checker.check(file, source.name()));
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
            return new SourceResult(source, parsed.file(), diagnostics, List.of());
        }
        String javaPackage = file.packageDecl().map(PackageDecl::qualifiedName).orElse(packageName.orElse(""));
        return new SourceResult(source, parsed.file(), diagnostics, ModelBuilder.build(file, javaPackage));
    }

    /** IRQ003 for each place where the file's bytes were not UTF-8. */
    private static List<Diagnostic> encodingDiagnostics(SourceFile source) {
        return source.encodingErrors().stream()
                .map(e -> DiagnosticCode.IRQ003.at(source.name(), e.at().line(), e.at().column(),
                        "invalid UTF-8 " + (e.bytes().contains(" ") ? "bytes " : "byte ") + e.bytes()
                                + ": an .irqtopo file is UTF-8 text"))
                .toList();
    }

    private static List<Diagnostic> concat(List<Diagnostic> first, List<Diagnostic> second) {
        List<Diagnostic> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /**
     * The results with the generation rules' diagnostics added to the files that had no error; a file
     * that gets an error loses its models, as any file with an error has none.
     */
    private static List<SourceResult> generationChecks(List<SourceResult> results) {
        List<CheckedFile> checked = new ArrayList<>();
        for (SourceResult result : results) {
            if (!result.hasErrors()) {
                checked.add(new CheckedFile(result.source().name(), result.ast().orElseThrow(), result.designs()));
            }
        }
        List<List<Diagnostic>> added = Checker.checkGeneration(checked);
        List<SourceResult> out = new ArrayList<>();
        int next = 0;
        for (SourceResult result : results) {
            List<Diagnostic> more = result.hasErrors() ? List.of() : added.get(next++);
            if (more.isEmpty()) {
                out.add(result);
            } else {
                List<Diagnostic> diagnostics = new ArrayList<>(result.diagnostics());
                diagnostics.addAll(more);
                boolean errors = more.stream().anyMatch(Diagnostic::isError);
                out.add(new SourceResult(result.source(), result.ast(), diagnostics,
                        errors ? List.of() : result.designs()));
            }
        }
        return out;
    }

    /** The file's own name without directories: what {@code @Generated} records, the same on every machine. */
    static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }
}
