package dev.irqtopo.cli;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.TestInfo;

/**
 * The golden files of command outputs in one folder, named after the test method in kebab case: a
 * method ending in {@code Json} compares with {@code NAME.json}, one starting with {@code dot} with
 * {@code NAME.dot}, any other with {@code NAME.txt}. {@code -Dirqtopo.updateGoldens=true} rewrites them
 * from the outputs, for a deliberate change.
 */
record CommandGoldens(Path dir) {

    private static final boolean UPDATE = Boolean.getBoolean("irqtopo.updateGoldens");

    /** Runs {@code args}, which must exit with {@code exit} and write nothing to standard error, and checks its output. */
    void assertCommand(TestInfo test, int exit, String... args) throws IOException {
        CommandRun run = CommandRun.of(args);
        assertWithMessage("standard error of %s", String.join(" ", args)).that(run.err()).isEmpty();
        assertWithMessage("exit status of %s", String.join(" ", args)).that(run.exit()).isEqualTo(exit);
        assertMatches(test, run);
    }

    void assertMatches(TestInfo test, CommandRun run) throws IOException {
        String name = test.getTestMethod().orElseThrow().getName()
                .replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        Path golden = dir.resolve(name.endsWith("-json") ? name.substring(0, name.length() - 5) + ".json"
                : name.startsWith("dot-") ? name + ".dot" : name + ".txt");
        if (UPDATE) {
            Files.createDirectories(dir);
            Files.writeString(golden, run.out(), StandardCharsets.UTF_8);
        }
        assertWithMessage("%s (regenerate with -Dirqtopo.updateGoldens=true)", golden)
                .that(run.out()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
