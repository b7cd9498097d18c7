package dev.irqtopo.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.irqtopo.compiler.TestSources;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A command line that starts with a subcommand's name is run on the root and that subcommand alone: it
 * must say and exit exactly what the whole tree does, for help, version, mistakes and every report, text
 * and JSON. And {@code main} leaves out picocli's date, time and database converters, which no argument
 * may need.
 */
class SubcommandTreeTest {

    private static String sample(String name) {
        return TestSources.resource("samples/" + name + ".irqtopo").toString();
    }

    private static CommandRun run(CommandLine commandLine, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = IrqtopoCommand.execute(commandLine, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new CommandRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theNamesAreTheSubcommandsOwn() {
        CommandLine whole = IrqtopoCommand.commandLine(IrqtopoCommand.SUBCOMMANDS);
        assertThat(whole.getSubcommands().keySet()).containsExactlyElementsIn(IrqtopoCommand.SUBCOMMANDS).inOrder();
        whole.getSubcommands().forEach((name, sub) -> assertThat(sub.getCommandName()).isEqualTo(name));
    }

    @Test
    void onlyTheNamedSubcommandIsMade() {
        assertThat(IrqtopoCommand.commandLine("verify", "x.irqtopo").getSubcommands().keySet())
                .containsExactly("verify");
        assertThat(IrqtopoCommand.commandLine("help", "verify").getSubcommands().keySet())
                .containsExactlyElementsIn(IrqtopoCommand.SUBCOMMANDS);
        assertThat(IrqtopoCommand.commandLine("--help").getSubcommands().keySet())
                .containsExactlyElementsIn(IrqtopoCommand.SUBCOMMANDS);
        assertThat(IrqtopoCommand.commandLine().getSubcommands().keySet())
                .containsExactlyElementsIn(IrqtopoCommand.SUBCOMMANDS);
        assertThat(IrqtopoCommand.commandLine("--version").getSubcommands()).isEmpty();
        assertThat(IrqtopoCommand.commandLine("-V", "verify").getSubcommands().keySet())
                .containsExactlyElementsIn(IrqtopoCommand.SUBCOMMANDS);
    }

    @Test
    void noArgumentTakesATypeWhoseConverterIsLeftOut() {
        CommandLine whole = IrqtopoCommand.commandLine(IrqtopoCommand.SUBCOMMANDS);
        List<CommandLine> commands = new ArrayList<>(List.of(whole));
        commands.addAll(whole.getSubcommands().values());
        for (CommandLine command : commands) {
            for (CommandLine.Model.ArgSpec arg : command.getCommandSpec().args()) {
                List<Class<?>> types = new ArrayList<>(List.of(arg.type()));
                types.addAll(List.of(arg.auxiliaryTypes()));
                for (Class<?> type : types) {
                    for (String excluded : IrqtopoCommand.UNUSED_CONVERTERS.split(",")) {
                        assertWithMessage("%s %s", command.getCommandName(), arg.paramLabel())
                                .that(type.getName()).doesNotMatch(excluded);
                    }
                }
            }
        }
    }

    @Test
    void everySubcommandSaysWhatTheWholeTreeSays() {
        String sample = sample("ims-in-guest");
        List<String[]> cases = new ArrayList<>(List.of(new String[] {}, new String[] {"--version"},
                new String[] {"-V"}, new String[] {"--help"}, new String[] {"-V", "verify", sample},
                new String[] {"frobnicate"}, new String[] {"verif", sample}, new String[] {"help", "verify"}));
        for (String name : IrqtopoCommand.SUBCOMMANDS) {
            if (!name.equals("collect")) { // collect without arguments gathers this machine into the working directory
                cases.add(new String[] {name});
            }
            cases.add(new String[] {name, "--help"});
            cases.add(new String[] {name, "--version"});
            cases.add(new String[] {name, "--bogus", sample});
            cases.add(new String[] {name, sample, "extra", "words"});
            cases.add(new String[] {name, sample});
            cases.add(new String[] {name, "--json", sample});
            cases.add(new String[] {name, "missing.irqtopo"});
        }
        cases.add(new String[] {"verify", sample, "--kernel", "nope"});
        cases.add(new String[] {"verify", sample, "--platform", "Nope"});
        cases.add(new String[] {"simulate", sample("posted"), "--json"});
        cases.add(new String[] {"trace", sample, "--device", "nicvf", "--message", "0xfee00000:0x4021"});
        cases.add(new String[] {"tables", sample, "--json"});
        cases.add(new String[] {"diff", sample, sample("posted")});
        cases.add(new String[] {"diff", "--json", sample, sample("posted")});
        String arm64 = TestSources.resource("arm64/its.irqtopo").toString();
        cases.add(new String[] {"simulate", arm64});
        cases.add(new String[] {"verify", "--json", arm64});
        cases.add(new String[] {"explain", arm64});
        String riscv64 = TestSources.resource("riscv64/mrif.irqtopo").toString();
        cases.add(new String[] {"simulate", "--json", riscv64});
        cases.add(new String[] {"verify", riscv64});
        cases.add(new String[] {"tables", riscv64});
        for (String[] args : cases) {
            CommandRun lazy = run(IrqtopoCommand.commandLine(args), args);
            CommandRun whole = run(IrqtopoCommand.commandLine(IrqtopoCommand.SUBCOMMANDS), args);
            assertWithMessage("irqtopo %s", String.join(" ", args)).that(lazy).isEqualTo(whole);
        }
    }
}
