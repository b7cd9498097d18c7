package dev.irqtopo.cli;

import dev.irqtopo.compiler.CompileRequest;
import dev.irqtopo.compiler.CompileResult;
import dev.irqtopo.compiler.Compiler;
import dev.irqtopo.compiler.SourceFile;
import dev.irqtopo.compiler.Sources;
import dev.irqtopo.compiler.UnreadableSourceException;
import dev.irqtopo.compiler.diag.DiagnosticPrinter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code irqtopo check FILE...}: parses and checks each file and prints its diagnostics, each with its
 * source line and a caret, to standard error. A file that cannot be read is reported in one line and
 * the others are still checked.
 */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Parse and check .irqtopo files and print their diagnostics.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:no errors (warnings allowed)",
            "1:errors in a file",
            "2:usage error, or a file that cannot be read"})
final class CheckCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "the .irqtopo files to check")
    List<Path> files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        boolean unreadable = false;
        boolean errors = false;
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
            err.print(DiagnosticPrinter.render(result.diagnostics(), source.text()));
            errors |= result.hasErrors();
        }
        err.flush();
        return unreadable ? IrqtopoCommand.USAGE : errors ? IrqtopoCommand.INPUT_ERRORS : IrqtopoCommand.OK;
    }
}
