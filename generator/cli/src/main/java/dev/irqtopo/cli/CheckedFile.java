package dev.irqtopo.cli;

import dev.irqtopo.compiler.CompileRequest;
import dev.irqtopo.compiler.CompileResult;
import dev.irqtopo.compiler.Compiler;
import dev.irqtopo.compiler.SourceFile;
import dev.irqtopo.compiler.Sources;
import dev.irqtopo.compiler.UnreadableSourceException;
import dev.irqtopo.compiler.diag.DiagnosticPrinter;
import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.PlatformDesign;
import dev.irqtopo.model.PlatformModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One {@code .irqtopo} file read and checked, its diagnostics printed as {@code check} prints them: its
 * checked platforms, or the exit code to return instead (2 unreadable, 1 errors).
 *
 * @param name    the file's name as diagnostics give it
 * @param designs every platform of the file, x86 or arm64, in source order
 */
record CheckedFile(String name, List<PlatformDesign> designs, int exitCode) {

    CheckedFile {
        designs = List.copyOf(designs);
    }

    /** The x86 platforms. */
    List<PlatformModel> platforms() {
        return designs.stream().filter(PlatformModel.class::isInstance).map(PlatformModel.class::cast).toList();
    }

    /** The arm64 platforms. */
    List<Arm64PlatformModel> arm64Platforms() {
        return designs.stream().filter(Arm64PlatformModel.class::isInstance).map(Arm64PlatformModel.class::cast).toList();
    }

    static CheckedFile load(Path file, PrintWriter err) {
        SourceFile source;
        try {
            source = Sources.read(file);
        } catch (UnreadableSourceException e) {
            err.println("irqtopo: " + e.getMessage());
            err.flush();
            return new CheckedFile(file.toString(), List.of(), IrqtopoCommand.USAGE);
        }
        CompileResult result = Compiler.compile(CompileRequest.check(source));
        err.print(DiagnosticPrinter.render(result.diagnostics(), source.text()));
        err.flush();
        return new CheckedFile(source.name(), result.hasErrors() ? List.of() : result.designs(),
                result.hasErrors() ? IrqtopoCommand.INPUT_ERRORS : IrqtopoCommand.OK);
    }

    boolean ok() {
        return exitCode == IrqtopoCommand.OK;
    }

    Optional<PlatformDesign> platform(String platform) {
        return designs.stream().filter(p -> p.name().equals(platform)).findFirst();
    }

    /** The one line that says the file has no such platform, and which it has. */
    String noPlatform(String platform) {
        return name + " declares no platform " + platform + " (it declares "
                + String.join(", ", designs.stream().map(PlatformDesign::name).toList()) + ")";
    }
}
