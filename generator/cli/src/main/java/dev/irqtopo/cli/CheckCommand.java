package dev.irqtopo.cli;

import dev.irqtopo.compiler.CompileRequest;
import dev.irqtopo.compiler.CompileResult;
import dev.irqtopo.compiler.Compiler;
import dev.irqtopo.compiler.DiagnosticReports;
import dev.irqtopo.compiler.SourceFile;
import dev.irqtopo.compiler.SourceResult;
import dev.irqtopo.compiler.Sources;
import dev.irqtopo.compiler.UnreadableSourceException;
import dev.irqtopo.compiler.diag.DiagnosticPrinter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code irqtopo check [--format text|json|sarif] FILE...}: parses and checks each file and prints its
 * diagnostics: as text, each with its source line and a caret, to standard error; as a JSON array or a
 * SARIF 2.1.0 log of every file's diagnostics to standard output. A file that cannot be read is reported
 * in one line on standard error, in every format, and the others are still checked.
 */
final class CheckCommand implements Callable<Integer> {

    List<Path> files;

    DiagnosticFormat format;

    private CommandSpec spec;

    /** The command's declaration, which picocli runs. */
    CommandSpec spec() {
        spec = Declaration.command(this, "check",
                new String[] {"Parse and check .irqtopo files and print their diagnostics: for people, or for tools as "
                        + "JSON or SARIF 2.1.0."},
                "0:no errors (warnings allowed)",
                "1:errors in a file",
                "2:usage error, or a file that cannot be read");
        spec.addPositional(Declaration.positional(List.class, () -> files, value -> files = value)
                .auxiliaryTypes(Path.class).arity("1..*").required(true).paramLabel("FILE")
                .description("the .irqtopo files to check").build());
        spec.addOption(Declaration.option(DiagnosticFormat.class, () -> format, value -> format = value, "--format")
                .paramLabel("FORMAT").defaultValue("text")
                .description("text (for people, on standard error), json (an array of diagnostics) or sarif "
                        + "(SARIF 2.1.0, for code scanning), both on standard output; default: ${DEFAULT-VALUE}")
                .build());
        return spec;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        boolean unreadable = false;
        boolean errors = false;
        List<SourceResult> results = new ArrayList<>();
        for (Path path : files) {
            SourceFile source;
            try {
                source = Sources.read(path);
            } catch (UnreadableSourceException e) {
                err.println("irqtopo: " + e.getMessage());
                unreadable = true;
                continue;
            }
            CompileResult result = Compiler.compile(CompileRequest.check(source));
            if (format == DiagnosticFormat.text) {
                err.print(DiagnosticPrinter.render(result.diagnostics(), source.text()));
            }
            results.addAll(result.sources());
            errors |= result.hasErrors();
        }
        err.flush();
        if (format != DiagnosticFormat.text) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(format == DiagnosticFormat.json ? DiagnosticReports.json(results)
                    : DiagnosticReports.sarif(results, VersionProvider.version(), Optional.of(Path.of(""))));
            out.flush();
        }
        return unreadable ? IrqtopoCommand.USAGE : errors ? IrqtopoCommand.INPUT_ERRORS : IrqtopoCommand.OK;
    }
}
