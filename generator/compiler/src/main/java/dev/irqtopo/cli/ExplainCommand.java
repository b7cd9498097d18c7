package dev.irqtopo.cli;

import dev.irqtopo.cli.explain.ExplainText;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code irqtopo explain FILE}: for every stack, the boundary diagram with the domain that does each of
 * Alloc, Compose, Store and Use under each part, then what a trap or a hypercall does for it.
 */
@Command(name = "explain",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Show, for every stack, which domain allocates, composes, stores and uses its interrupts at"
                + " which hardware boundary, and what a trap or a hypercall does.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:explained", "1:errors in the file", "2:usage error, or a file that cannot be read"})
final class ExplainCommand implements Callable<Integer> {

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
        out.print(ExplainText.render(loaded.platforms()));
        out.flush();
        return IrqtopoCommand.OK;
    }
}
