package dev.irqtopo.conformance;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.irqtopo.cli.CommandRun;
import dev.irqtopo.compiler.TestSources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance cases, checked as {@code run.py} checks the {@code check} part: every
 * {@code *.irqtopo} in a folder of the bundled copy, and of {@code shared/conformance-v2} (the version-2 cases) beside the
 * repository when it exists (a case in both runs once, from there). A case with
 * {@code NAME.expect.json} expects its {@code check.exit} and exactly its {@code check.diagnostics};
 * any other expects its {@code // expect: L:C IRQnnn} lines exactly, and exit 1 when it has any. After
 * a first expected IRQ001, further IRQ001s are free. No case may print a stack trace. A scenario's
 * {@code simulate} and {@code verify} parts are then run with {@code --json} and matched by the README's
 * subset rule, as {@code run.py} matches them.
 */
class ConformanceTest {

    private static final Pattern DIAGNOSTIC = Pattern.compile(
            "^(?<file>.+?):(?<line>\\d+):(?<col>\\d+): (?:error|warning): .*\\[(?<code>IRQ\\d{3})]\\s*$");
    private static final Pattern EXPECT = Pattern.compile("(?m)^// expect: (\\d+):(\\d+) (IRQ\\d{3})");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyCase() {
        List<Path> roots = new ArrayList<>(List.of(TestSources.resource("conformance")));
        shared().ifPresent(roots::add);
        Map<String, Path> cases = cases(roots);
        assertThat(cases).isNotEmpty();
        return cases.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), e.getValue().toUri(),
                () -> judge(e.getValue())));
    }

    /** {@code shared/conformance-v2} in the working directory or any directory above it. */
    static Optional<Path> shared() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("conformance-v2");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Every case under the roots' folders, by folder and file name ({@code invalid/syntax.irqtopo}); a
     * case of a later root replaces the same case of an earlier one.
     */
    static Map<String, Path> cases(List<Path> roots) {
        Map<String, Path> cases = new TreeMap<>();
        for (Path root : roots) {
            try (Stream<Path> folders = Files.list(root)) {
                for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                    try (Stream<Path> files = Files.list(folder)) {
                        files.filter(f -> f.getFileName().toString().endsWith(".irqtopo"))
                                .forEach(f -> cases.put(folder.getFileName() + "/" + f.getFileName(), f));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cases;
    }

    private static void judge(Path file) throws IOException {
        Expected expected = expected(file);
        CommandRun run = CommandRun.of("check", file.toString());
        int exit = run.exit();
        String stderr = run.err();
        String printed = stderr + run.out();

        assertWithMessage("stack trace on standard error").that(stderr.contains("Exception") || stderr.contains("\tat "))
                .isFalse();
        List<String> actual = diagnostics(file, printed);
        if (!expected.diagnostics().isEmpty() && expected.diagnostics().get(0).endsWith("IRQ001") && !actual.isEmpty()) {
            List<String> kept = new ArrayList<>(List.of(actual.get(0)));
            actual.stream().skip(1).filter(d -> !d.endsWith("IRQ001")).forEach(kept::add);
            actual = kept;
        }
        assertWithMessage("exit status; standard error:\n%s", stderr).that(exit).isEqualTo(expected.exit());
        assertWithMessage("diagnostics; standard error:\n%s", stderr).that(actual)
                .containsExactlyElementsIn(expected.diagnostics()).inOrder();
        judgeReports(file);
    }

    /**
     * The {@code simulate} and {@code verify} parts of a scenario: the {@code --json} output must contain
     * the expected JSON by the README's subset rule; verify exits with {@code verify_exit} where the case gives
     * it, else 3 when an expected platform is not isolated.
     */
    private static void judgeReports(Path file) throws IOException {
        Optional<JsonNode> expectation = expectation(file);
        if (expectation.isEmpty()) {
            return;
        }
        for (String command : List.of("simulate", "verify")) {
            JsonNode expected = expectation.get().get(command);
            if (expected == null) {
                continue;
            }
            boolean breach = false;
            for (JsonNode platform : expected) {
                breach |= command.equals("verify") && !platform.path("isolated").asBoolean(true);
            }
            int exit = breach ? 3 : 0;
            if (command.equals("verify") && expectation.get().has("verify_exit")) {
                // version 2: 3 only where a verdict differs from the platform's expect line
                exit = expectation.get().get("verify_exit").asInt();
            }
            CommandRun run = CommandRun.of(command, "--json", file.toString());
            assertWithMessage("%s exit status; standard error:\n%s", command, run.err()).that(run.exit())
                    .isEqualTo(exit);
            JsonNode actual = JSON.readTree(run.out());
            Optional<String> difference = JsonSubset.firstDifference(expected, actual, "$");
            assertWithMessage("%s --json differs from the expectation", command).that(difference).isEmpty();
        }
    }

    private static Optional<JsonNode> expectation(Path file) throws IOException {
        String name = file.getFileName().toString();
        Path json = file.resolveSibling(name.substring(0, name.length() - ".irqtopo".length()) + ".expect.json");
        return Files.exists(json) ? Optional.of(JSON.readTree(json.toFile())) : Optional.empty();
    }

    /** {@code LINE:COL CODE} of each diagnostic line printed for this file. */
    private static List<String> diagnostics(Path file, String printed) {
        List<String> found = new ArrayList<>();
        for (String line : printed.split("\n", -1)) {
            Matcher m = DIAGNOSTIC.matcher(line);
            if (m.matches() && Path.of(m.group("file")).getFileName().equals(file.getFileName())) {
                found.add(m.group("line") + ":" + m.group("col") + " " + m.group("code"));
            }
        }
        return found;
    }

    private record Expected(int exit, List<String> diagnostics) {
    }

    private static Expected expected(Path file) throws IOException {
        String name = file.getFileName().toString();
        Path json = file.resolveSibling(name.substring(0, name.length() - ".irqtopo".length()) + ".expect.json");
        if (Files.exists(json)) {
            JsonNode check = JSON.readTree(json.toFile()).path("check");
            List<String> diagnostics = new ArrayList<>();
            for (JsonNode d : check.path("diagnostics")) {
                diagnostics.add(d.get("line").asInt() + ":" + d.get("col").asInt() + " " + d.get("code").asText());
            }
            return new Expected(check.path("exit").asInt(0), diagnostics);
        }
        List<String> diagnostics = EXPECT.matcher(Files.readString(file)).results()
                .map(m -> m.group(1) + ":" + m.group(2) + " " + m.group(3)).toList();
        return new Expected(diagnostics.isEmpty() ? 0 : 1, diagnostics);
    }
}
