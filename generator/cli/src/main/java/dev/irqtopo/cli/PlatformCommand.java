package dev.irqtopo.cli;

import dev.irqtopo.model.PlatformDesign;
import dev.irqtopo.model.PlatformModel;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A command over the checked platforms of one file ({@code FILE [--platform NAME]}): it runs only when
 * the file checks without errors, and prints to standard output.
 */
abstract class PlatformCommand implements Callable<Integer> {

    final PlatformSelection selection = new PlatformSelection();

    private CommandSpec spec;

    /** The command's name, description and exit codes ({@link Declaration#command}), before its arguments. */
    abstract CommandSpec declaration();

    /** Declares the command's own options, after the file and platform arguments every such command has. */
    void declareOptions(CommandSpec spec) {
    }

    /** The whole declaration of the command, which picocli runs. */
    final CommandSpec spec() {
        spec = declaration();
        selection.declare(spec);
        declareOptions(spec);
        return spec;
    }

    /** Prints what the command says of the x86 platforms and returns its exit code. */
    abstract int run(List<PlatformModel> platforms, PrintWriter out);

    /**
     * Prints what the command says of the selected platforms, x86, arm64 and riscv64, in source order,
     * when at least one is not x86 (a selection of x86 platforms alone goes to {@link #run}).
     */
    abstract int runDesigns(List<PlatformDesign> designs, PrintWriter out);

    /** A mistake in the command's own options, found before the file is read: the one line that names it. */
    Optional<String> optionError() {
        return Optional.empty();
    }

    /**
     * Why the command cannot run on the {@code selected} platforms (the options name something none of
     * them declares), in one line; {@code declared} are all the file's.
     */
    Optional<String> refusal(List<PlatformDesign> selected, List<PlatformDesign> declared) {
        return Optional.empty();
    }

    /** The selected platforms the command runs on: all of them, unless its options name a part only some declare. */
    List<PlatformDesign> runsOn(List<PlatformDesign> selected) {
        return selected;
    }

    @Override
    public final Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> mistake = optionError();
        if (mistake.isPresent()) {
            return usage(err, mistake.get());
        }
        PlatformSelection.Loaded loaded = selection.load(err);
        if (!loaded.ok()) {
            return loaded.exitCode();
        }
        Optional<String> refusal = refusal(loaded.designs(), loaded.declared());
        if (refusal.isPresent()) {
            return usage(err, refusal.get());
        }
        PrintWriter out = spec.commandLine().getOut();
        List<PlatformDesign> designs = runsOn(loaded.designs());
        int exitCode = designs.stream().allMatch(PlatformModel.class::isInstance)
                ? run(designs.stream().map(PlatformModel.class::cast).toList(), out)
                : runDesigns(designs, out);
        out.flush();
        return exitCode;
    }

    private static int usage(PrintWriter err, String problem) {
        err.println("irqtopo: " + problem);
        err.flush();
        return IrqtopoCommand.USAGE;
    }
}
