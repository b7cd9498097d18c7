package dev.irqtopo.compiler;

import dev.irqtopo.compiler.ast.IrqtopoFile;
import dev.irqtopo.compiler.check.Checker;
import dev.irqtopo.compiler.diag.Diagnostic;
import dev.irqtopo.compiler.model.ModelBuilder;
import dev.irqtopo.compiler.parse.ParseResult;
import dev.irqtopo.compiler.parse.SourceParser;
import java.util.List;

/**
 * The compiler's one entry point, shared by the command line, the Maven plugin and the tests:
 * parse, then check, then build the platform models. Any text gives a result; user mistakes are
 * diagnostics, never exceptions.
 */
public final class Compiler {

    private Compiler() {
    }

    public static CheckResult check(CheckRequest request) {
        SourceFile source = request.source();
        ParseResult parsed = SourceParser.parse(source);
        if (parsed.file().isEmpty()) {
            return new CheckResult(source, sorted(parsed.diagnostics()), List.of());
        }
        IrqtopoFile file = parsed.file().get();
        List<Diagnostic> diagnostics = sorted(Checker.check(file, source.name()));
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
            return new CheckResult(source, diagnostics, List.of());
        }
        String javaPackage = file.packageDecl().map(p -> p.qualifiedName()).orElse(request.defaultPackage().orElse(""));
        return new CheckResult(source, diagnostics, ModelBuilder.build(file, javaPackage));
    }

    private static List<Diagnostic> sorted(List<Diagnostic> diagnostics) {
        return diagnostics.stream().sorted(Diagnostic.ORDER).toList();
    }
}
