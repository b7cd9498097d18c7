package dev.irqtopo.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code irqtopo} command: parses the command line and runs a subcommand. Each subcommand is a class
 * of its own, listed in {@code subcommands}.
 *
 * <p>Exit codes: 0 success, 1 errors in the input files, 2 a usage or I/O error (verify adds 3, an
 * unexpected verdict, and diff 4, designs that differ); an internal error
 * (a bug in irqtopo) prints its stack trace and exits 70.
 */
@Command(name = "irqtopo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Makes Linux interrupt-domain designs executable: check, simulate, verify.",
        subcommands = {CheckCommand.class, GenerateCommand.class, SimulateCommand.class, VerifyCommand.class,
            ExplainCommand.class, DotCommand.class, TraceCommand.class, TablesCommand.class, DiffCommand.class,
            CollectCommand.class, ImportCommand.class,
            CommandLine.HelpCommand.class})
public final class IrqtopoCommand implements Callable<Integer> {

    public static final int OK = 0;
    public static final int INPUT_ERRORS = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL_ERROR = 70;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a subcommand there is nothing to do: say how to use it. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("irqtopo: missing command");
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    public static void main(String... args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs the command line in this process and returns its exit code, for tests and embedding. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine commandLine = new CommandLine(new IrqtopoCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setParameterExceptionHandler(IrqtopoCommand::usageError)
                .setExecutionExceptionHandler(IrqtopoCommand::internalError);
        int code = commandLine.execute(args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        return code;
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("irqtopo: " + e.getMessage());
        commandLine.usage(err);
        return USAGE;
    }

    private static int internalError(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        err.println("irqtopo: internal error, please report it with the input that caused it:");
        e.printStackTrace(err);
        return INTERNAL_ERROR;
    }
}
