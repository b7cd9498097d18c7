package dev.irqtopo.cli;

import dev.irqtopo.cli.report.DiffJson;
import dev.irqtopo.cli.report.ReportJson;
import dev.irqtopo.model.PlatformDesign;
import dev.irqtopo.runtime.diff.DesignDiff;
import dev.irqtopo.runtime.diff.DiffText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code irqtopo diff OLD NEW}: checks both files, then matches their platforms by name and runs each on
 * both sides as {@code simulate} and {@code verify} do, and prints what the change changes: declarations,
 * each stack and interrupt, the findings, the verdicts; x86, arm64 and riscv64 platforms alike.
 */
final class DiffCommand implements Callable<Integer> {

    /** Something differs between the two designs. */
    static final int DIFFERENCES = 4;

    Path old;

    Path now;

    String platform;

    boolean json;

    private CommandSpec spec;

    /** The command's declaration, which picocli runs. */
    CommandSpec spec() {
        spec = Declaration.command(this, "diff",
                new String[] {"What a change to a design changes: its declarations, each interrupt's allocation,"
                        + " message and delivery, the findings and the verdicts, Linux's included.",
                    "On a riscv64 platform: each RISC-V IOMMU's device contexts in use too, with their MSI"
                        + " translation and MSI page tables, as tables reads them."},
                "0:no differences",
                "1:errors in a file",
                "2:usage error, or a file that cannot be read",
                "4:the designs differ");
        spec.addPositional(Declaration.positional(Path.class, () -> old, value -> old = value)
                .index("0").required(true).paramLabel("OLD").description("the design before the change").build());
        spec.addPositional(Declaration.positional(Path.class, () -> now, value -> now = value)
                .index("1").required(true).paramLabel("NEW").description("the design after it").build());
        spec.addOption(Declaration.option(String.class, () -> platform, value -> platform = value, "--platform")
                .paramLabel("NAME").description("only this platform, which both files must declare").build());
        spec.addOption(Declaration.option(boolean.class, () -> json, value -> json = value, "--json")
                .description("print the stable JSON of the differences instead of text").build());
        return spec;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        // both files are checked, so that one run shows every error of both
        CheckedFile was = CheckedFile.load(old, err);
        CheckedFile is = CheckedFile.load(now, err);
        if (!was.ok() || !is.ok()) {
            return Math.max(was.exitCode(), is.exitCode());
        }
        List<PlatformDesign> oldPlatforms = was.designs();
        List<PlatformDesign> newPlatforms = is.designs();
        if (platform != null) {
            for (CheckedFile file : List.of(was, is)) {
                if (file.platform(platform).isEmpty()) {
                    err.println("irqtopo: " + file.noPlatform(platform));
                    err.flush();
                    return IrqtopoCommand.USAGE;
                }
            }
            oldPlatforms = List.of(was.platform(platform).orElseThrow());
            newPlatforms = List.of(is.platform(platform).orElseThrow());
        }
        DesignDiff diff = DesignDiff.ofDesigns(oldPlatforms, newPlatforms);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? ReportJson.write(DiffJson.diff(diff)) : DiffText.render(diff));
        out.flush();
        return diff.differs() ? DIFFERENCES : IrqtopoCommand.OK;
    }
}
