package dev.irqtopo.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the command line says of itself, character for character: each command's {@code --help}, kept in
 * {@code src/test/resources/usage/COMMAND.txt}, and what it prints for mistakes in its own arguments,
 * kept in {@code usage/mistakes.txt}. After a deliberate change, rewrite them with
 * <pre>./mvnw -B -q -o -pl generator/cli -am test -Dtest=UsageGoldenTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dirqtopo.updateGoldens=true</pre>
 * and review the difference before committing it.
 */
class UsageGoldenTest {

    private static final Path DIR = Path.of("src", "test", "resources", "usage");
    private static final boolean UPDATE = Boolean.getBoolean("irqtopo.updateGoldens");

    private static final String[][] MISTAKES = {
        {},
        {"frobnicate"},
        {"--bogus"},
        {"check"},
        {"check", "--format", "xml", "a.irqtopo"},
        {"generate", "a.irqtopo"},
        {"generate", "-d"},
        {"simulate", "--json"},
        {"verify", "--platform"},
        {"verify", "a.irqtopo", "b.irqtopo"},
        {"explain", "--bogus", "a.irqtopo"},
        {"dot"},
        {"trace", "a.irqtopo"},
        {"trace", "a.irqtopo", "--device", "nic"},
        {"tables", "--iommu"},
        {"diff", "a.irqtopo"},
        {"diff", "--json", "a.irqtopo", "b.irqtopo", "c.irqtopo"},
        {"help", "frobnicate"},
    };

    @Test
    void everyCommandsHelp() throws IOException {
        List<String> commands = new ArrayList<>(List.of("irqtopo"));
        commands.addAll(IrqtopoCommand.SUBCOMMANDS);
        for (String command : commands) {
            CommandRun run = command.equals("irqtopo") ? CommandRun.of("--help") : CommandRun.of(command, "--help");
            assertThat(run.exit()).isEqualTo(IrqtopoCommand.OK);
            assertThat(run.err()).isEmpty();
            assertGolden(DIR.resolve(command + ".txt"), run.out());
        }
    }

    @Test
    void mistakesInTheArguments() throws IOException {
        StringBuilder said = new StringBuilder();
        for (String[] args : MISTAKES) {
            CommandRun run = CommandRun.of(args);
            said.append("$ irqtopo ").append(String.join(" ", args)).append("\nexit ").append(run.exit())
                    .append('\n').append(run.out()).append(run.err()).append('\n');
        }
        assertGolden(DIR.resolve("mistakes.txt"), said.toString());
    }

    private static void assertGolden(Path golden, String actual) throws IOException {
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertWithMessage("%s (regenerate with -Dirqtopo.updateGoldens=true)", golden)
                .that(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
