package dev.irqtopo.cli;

import dev.irqtopo.compiler.CompileRequest;
import dev.irqtopo.compiler.CompileResult;
import dev.irqtopo.compiler.Compiler;
import dev.irqtopo.compiler.PackageNames;
import dev.irqtopo.compiler.SourceFile;
import dev.irqtopo.compiler.Sources;
import dev.irqtopo.compiler.UnreadableSourceException;
import dev.irqtopo.compiler.diag.DiagnosticPrinter;
import dev.irqtopo.compiler.output.SourceSync;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code irqtopo generate -d DIR [--package P] FILE...}: checks every file and, only when none has an
 * error, writes the Java sources of every platform under DIR, all or nothing. A file whose content
 * would not change is not rewritten; files already in DIR that no platform produces are left alone.
 */
final class GenerateCommand implements Callable<Integer> {

    Path directory;

    String packageName;

    List<Path> files;

    private CommandSpec spec;

    /** The command's declaration, which picocli runs. */
    CommandSpec spec() {
        spec = Declaration.command(this, "generate",
                new String[] {"Check .irqtopo files and write the Java classes of their platforms under a directory."},
                "0:sources written (warnings allowed)",
                "1:errors in a file; the directory is left as it was",
                "2:usage error, a file that cannot be read, or the directory cannot be written; the directory is left"
                        + " as it was");
        spec.addOption(Declaration.option(Path.class, () -> directory, value -> directory = value, "-d", "--directory")
                .required(true).paramLabel("DIR").description("where the sources go, in directories by package")
                .build());
        spec.addOption(Declaration.option(String.class, () -> packageName, value -> packageName = value, "--package")
                .paramLabel("P").description("the Java package for files without a package line").build());
        spec.addPositional(Declaration.positional(List.class, () -> files, value -> files = value)
                .auxiliaryTypes(Path.class).arity("1..*").required(true).paramLabel("FILE")
                .description("the .irqtopo files").build());
        return spec;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (packageName != null && PackageNames.problem(packageName).isPresent()) {
            err.println("irqtopo: --package: " + PackageNames.problem(packageName).get());
            return IrqtopoCommand.USAGE;
        }
        List<SourceFile> sources = new ArrayList<>();
        boolean unreadable = false;
        for (Path path : files) {
            try {
                sources.add(Sources.read(path));
            } catch (UnreadableSourceException e) {
                err.println("irqtopo: " + e.getMessage());
                unreadable = true;
            }
        }
        CompileRequest request = CompileRequest.generate(sources).withPackage(Optional.ofNullable(packageName));
        CompileResult result = Compiler.compile(request);
        for (int i = 0; i < sources.size(); i++) {
            err.print(DiagnosticPrinter.render(result.sources().get(i).diagnostics(), sources.get(i).text()));
        }
        if (unreadable || result.hasErrors()) {
            err.flush();
            return unreadable ? IrqtopoCommand.USAGE : IrqtopoCommand.INPUT_ERRORS;
        }
        try {
            SourceSync.replaceAtomically(directory, result.files());
        } catch (IOException | RuntimeException e) {
            err.println("irqtopo: cannot write " + directory + ": " + e.getMessage()
                    + "; it is left as it was");
            err.flush();
            return IrqtopoCommand.USAGE;
        }
        err.flush();
        return IrqtopoCommand.OK;
    }
}
