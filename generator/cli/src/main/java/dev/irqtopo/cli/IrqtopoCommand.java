package dev.irqtopo.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code irqtopo} command: parses the command line and runs a subcommand. Each subcommand is a class
 * of its own, listed in {@code SUBCOMMANDS}.
 *
 * <p>Exit codes: 0 success, 1 errors in the input files, 2 a usage or I/O error (verify adds 3, an
 * unexpected verdict, and diff 4, designs that differ); an internal error
 * (a bug in irqtopo) prints its stack trace and exits 70.
 *
 * <p>Each command declares itself to picocli in code ({@code Declaration}); only picocli's own
 * {@code help} command is read from its annotations.
 */
public final class IrqtopoCommand implements Callable<Integer> {

    public static final int OK = 0;
    public static final int INPUT_ERRORS = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL_ERROR = 70;

    /** The subcommands' names, in the order the usage lists them; {@code subcommand} makes each. */
    static final List<String> SUBCOMMANDS =
            List.of("check", "generate", "simulate", "verify", "explain", "dot", "trace", "tables", "diff", "collect",
                    "import", "help");

    /**
     * Picocli's converters that need not be made: no option takes a date, a time or a database connection,
     * and making them would initialize {@code java.time}'s formatters and load {@code java.sql} on every run.
     */
    static final String UNUSED_CONVERTERS = "java\\.time\\..*,java\\.sql\\..*";

    private CommandSpec spec;

    /** The root's declaration: its name, description, --help and --version; the subcommands come after. */
    private CommandSpec spec() {
        spec = Declaration.command(this, "irqtopo",
                new String[] {"Makes Linux interrupt-domain designs executable: check, simulate, verify."});
        return spec;
    }

    /** Without a subcommand there is nothing to do: say how to use it. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("irqtopo: missing command");
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    public static void main(String... args) {
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", UNUSED_CONVERTERS);
        }
        System.exit(run(System.out, System.err, args));
    }

    /** Runs the command line in this process and returns its exit code, for tests and embedding. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return execute(commandLine(args), out, err, args);
    }

    /**
     * The command line that {@code args} need, which parses and runs them exactly as the whole tree does
     * without declaring subcommands they do not name: when they start with a subcommand's name, the root
     * and that subcommand alone (past its first word, a command line only reads the subcommand it named);
     * for the version alone, the root alone; otherwise, as for {@code --help}, {@code help} or a mistyped
     * name, every subcommand.
     */
    static CommandLine commandLine(String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return commandLine(List.of());
        }
        boolean named = args.length > 0 && SUBCOMMANDS.contains(args[0]) && !args[0].equals("help");
        return commandLine(named ? List.of(args[0]) : SUBCOMMANDS);
    }

    /** The root with the {@code subcommands} named, in that order. */
    static CommandLine commandLine(List<String> subcommands) {
        CommandLine commandLine = new CommandLine(new IrqtopoCommand().spec());
        for (String name : subcommands) {
            commandLine.addSubcommand(name, subcommand(name));
        }
        return commandLine;
    }

    private static CommandLine subcommand(String name) {
        return switch (name) {
            case "check" -> new CommandLine(new CheckCommand().spec());
            case "generate" -> new CommandLine(new GenerateCommand().spec());
            case "simulate" -> new CommandLine(new SimulateCommand().spec());
            case "verify" -> new CommandLine(new VerifyCommand().spec());
            case "explain" -> new CommandLine(new ExplainCommand().spec());
            case "dot" -> new CommandLine(new DotCommand().spec());
            case "trace" -> new CommandLine(new TraceCommand().spec());
            case "tables" -> new CommandLine(new TablesCommand().spec());
            case "diff" -> new CommandLine(new DiffCommand().spec());
            case "collect" -> new CommandLine(new CollectCommand().spec());
            case "import" -> new CommandLine(new ImportCommand().spec());
            case "help" -> new CommandLine(new CommandLine.HelpCommand());
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    /**
     * Runs {@code args} on {@code commandLine}, whose streams and handlers are set here, after its
     * subcommands are added: picocli hands a setting down only to the subcommands it already has.
     */
    static int execute(CommandLine commandLine, PrintStream out, PrintStream err, String... args) {
        commandLine.setOut(new PrintWriter(out, true))
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
