package dev.irqtopo.cli;

import dev.irqtopo.model.PlatformModel;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * A command over the checked platforms of one file ({@code FILE [--platform NAME]}): it runs only when
 * the file checks without errors, and prints to standard output.
 */
abstract class PlatformCommand implements Callable<Integer> {

    @Mixin
    PlatformSelection selection;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Prints what the command says of the platforms and returns its exit code. */
    abstract int run(List<PlatformModel> platforms, PrintWriter out);

    @Override
    public final Integer call() {
        PlatformSelection.Loaded loaded = selection.load(spec.commandLine().getErr());
        if (!loaded.ok()) {
            return loaded.exitCode();
        }
        PrintWriter out = spec.commandLine().getOut();
        int exitCode = run(loaded.platforms(), out);
        out.flush();
        return exitCode;
    }
}
