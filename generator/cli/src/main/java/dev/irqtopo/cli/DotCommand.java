package dev.irqtopo.cli;

import dev.irqtopo.cli.explain.DotGraph;
import dev.irqtopo.model.PlatformModel;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code irqtopo dot FILE}: the hardware path and each kernel's domain hierarchy as Graphviz DOT, for
 * {@code dot -Tsvg}.
 */
@Command(name = "dot",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Print the hardware path and each kernel's domain hierarchy as a Graphviz DOT graph.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:printed", "1:errors in the file", "2:usage error, or a file that cannot be read"})
final class DotCommand extends PlatformCommand {

    @Override
    int run(List<PlatformModel> platforms, PrintWriter out) {
        out.print(DotGraph.render(platforms));
        return IrqtopoCommand.OK;
    }
}
