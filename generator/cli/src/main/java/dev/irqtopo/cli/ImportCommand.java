package dev.irqtopo.cli;

import dev.irqtopo.compiler.CompileRequest;
import dev.irqtopo.compiler.CompileResult;
import dev.irqtopo.compiler.Compiler;
import dev.irqtopo.compiler.SourceFile;
import dev.irqtopo.compiler.diag.DiagnosticPrinter;
import dev.irqtopo.importer.BadInputException;
import dev.irqtopo.importer.Importer;
import dev.irqtopo.importer.archive.CollectedFiles;
import dev.irqtopo.importer.archive.CollectedFilesReader;
import dev.irqtopo.importer.design.Finding;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code irqtopo import ARCHIVE|DIR [-o FILE] [--platform NAME]}: reads what {@code irqtopo collect}
 * gathered (or a directory holding any of its files), writes it as an {@code .irqtopo} platform, then
 * checks it and prints its diagnostics. Input that cannot be read is one line on standard error, and then
 * nothing is written.
 */
final class ImportCommand implements Callable<Integer> {

    Path input;

    Path output;

    String platform;

    private CommandSpec spec;

    /** The command's declaration, which picocli runs. */
    CommandSpec spec() {
        spec = Declaration.command(this, "import",
                new String[] {"Turn a machine's DMAR/IVRS tables, lspci output and cpuinfo, as irqtopo collect gathers"
                        + " them (an archive, or a directory with any of DMAR, IVRS, lspci-vvv.txt, lspci-xxx.txt,"
                        + " cpuinfo, iommu-groups.txt), into a checked .irqtopo platform."},
                "0:written and checked without errors",
                "1:input that cannot be imported (nothing written), or a design with errors",
                "2:usage error, or a file that cannot be read or written");
        spec.addPositional(Declaration.positional(Path.class, () -> input, value -> input = value)
                .index("0").required(true).paramLabel("ARCHIVE|DIR")
                .description("irqtopo collect's archive, or a directory of its files").build());
        spec.addOption(Declaration.option(Path.class, () -> output, value -> output = value, "-o", "--output")
                .paramLabel("FILE").description("write the design here (default: standard output)").build());
        spec.addOption(Declaration.option(String.class, () -> platform, value -> platform = value, "--platform")
                .paramLabel("NAME").defaultValue("Imported").description("the platform's name; default: Imported").build());
        return spec;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!platform.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            err.println("irqtopo import: --platform " + platform + " is not a name ([A-Za-z_][A-Za-z0-9_]*)");
            return IrqtopoCommand.USAGE;
        }
        Importer.Result result;
        try {
            CollectedFiles files = CollectedFilesReader.read(input);
            result = Importer.run(files, platform);
        } catch (NoSuchFileException e) {
            err.println("irqtopo import: " + input + ": no such file or directory");
            return IrqtopoCommand.USAGE;
        } catch (IOException e) {
            err.println("irqtopo import: " + input + ": cannot read it (" + e.getMessage() + ")");
            return IrqtopoCommand.USAGE;
        } catch (BadInputException e) {
            err.println("irqtopo import: " + e.getMessage());
            return IrqtopoCommand.INPUT_ERRORS;
        }
        for (Finding finding : result.findings()) {
            err.println("irqtopo import: " + finding);
        }
        String name = output == null ? "<imported>" : output.toString();
        CompileResult checked = Compiler.compile(CompileRequest.check(new SourceFile(name, result.design())));
        if (output == null) {
            spec.commandLine().getOut().print(result.design());
            spec.commandLine().getOut().flush();
        } else {
            try {
                Path partial = output.resolveSibling(output.getFileName() + ".partial");
                Files.writeString(partial, result.design(), StandardCharsets.UTF_8);
                Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                err.println("irqtopo import: cannot write " + output + " (" + e.getMessage() + ")");
                return IrqtopoCommand.USAGE;
            }
            err.println("irqtopo import: wrote " + output);
        }
        err.print(DiagnosticPrinter.render(checked.diagnostics(), result.design()));
        err.flush();
        return checked.hasErrors() ? IrqtopoCommand.INPUT_ERRORS : IrqtopoCommand.OK;
    }
}
