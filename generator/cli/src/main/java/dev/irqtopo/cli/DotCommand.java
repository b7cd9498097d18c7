package dev.irqtopo.cli;

import dev.irqtopo.cli.explain.DesignDot;
import dev.irqtopo.cli.explain.DotGraph;
import dev.irqtopo.model.PlatformDesign;
import dev.irqtopo.model.PlatformModel;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code irqtopo dot FILE}: the hardware path and each kernel's domain hierarchy as one Graphviz graph,
 * for {@code dot -Tsvg}; a file of several platforms gives one graph with a cluster per platform.
 */
final class DotCommand extends PlatformCommand {

    @Override
    CommandSpec declaration() {
        return Declaration.command(this, "dot",
                new String[] {"Print the hardware path and each kernel's domain hierarchy as a Graphviz DOT graph.",
                    "A file of several platforms gives one graph with a cluster per platform (--platform: that one"
                            + " alone)."},
                "0:printed", "1:errors in the file", "2:usage error, or a file that cannot be read");
    }

    @Override
    int run(List<PlatformModel> platforms, PrintWriter out) {
        out.print(DotGraph.render(selection.fileName(), platforms));
        return IrqtopoCommand.OK;
    }

    @Override
    int runDesigns(List<PlatformDesign> designs, PrintWriter out) {
        out.print(DesignDot.render(selection.fileName(), designs));
        return IrqtopoCommand.OK;
    }
}
