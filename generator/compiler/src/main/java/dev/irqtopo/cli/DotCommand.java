package dev.irqtopo.cli;

import dev.irqtopo.cli.explain.DotGraph;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
final class DotCommand implements Callable<Integer> {

    @Mixin
    PlatformSelection selection;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PlatformSelection.Loaded loaded = selection.load(spec.commandLine().getErr());
        if (!loaded.ok()) {
            return loaded.exitCode();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(DotGraph.render(loaded.platforms()));
        out.flush();
        return IrqtopoCommand.OK;
    }
}
