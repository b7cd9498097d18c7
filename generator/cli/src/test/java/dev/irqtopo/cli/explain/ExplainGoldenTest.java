package dev.irqtopo.cli.explain;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.irqtopo.compiler.CompileRequest;
import dev.irqtopo.compiler.Compiler;
import dev.irqtopo.compiler.SourceFile;
import dev.irqtopo.compiler.SourceResult;
import dev.irqtopo.model.PlatformModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * {@code irqtopo explain} and {@code irqtopo dot} of each platform under
 * {@code src/test/resources/explain/}, compared character for character with the text kept beside it:
 * {@code CASE.irqtopo} gives {@code CASE.txt} (explain) and {@code CASE.dot}. A test's case is named
 * after its method. After a deliberate change, rewrite them with
 * <pre>./mvnw -B -q -o -pl generator/cli -am test -Dtest=ExplainGoldenTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dirqtopo.updateGoldens=true</pre>
 * and review the difference before committing it.
 */
class ExplainGoldenTest {

    private static final Path DIR = Path.of("src", "test", "resources", "explain");
    private static final boolean UPDATE = Boolean.getBoolean("irqtopo.updateGoldens");
    private static final Optional<Path> GRAPHVIZ = graphviz();

    /** The language's example: a function with a trapped MSI-X table and IMS in queue memory. */
    @Test
    void imsInGuest(TestInfo test) throws IOException {
        assertGolden(test);
    }

    /** Sub-devices of one parent in two guests: one writes its queue memory, the other's storage is trapped. */
    @Test
    void sharedRequesterId(TestInfo test) throws IOException {
        assertGolden(test);
    }

    /** Functions on a bus no IOMMU covers and on a unit with remapping off. */
    @Test
    void noRemapping(TestInfo test) throws IOException {
        assertGolden(test);
    }

    /** SVT 10 and SVT 00, compatibility format allowed in xAPIC mode, posting, and AMD-Vi's per-requester tables. */
    @Test
    void sourceChecks(TestInfo test) throws IOException {
        assertGolden(test);
    }

    /** Devices behind a PCIe-to-PCI bridge, a sub-device among them: one alias requester id for all. */
    @Test
    void bridged(TestInfo test) throws IOException {
        assertGolden(test);
    }

    /** Two platforms in one file: explain gives each in turn, dot one graph with a cluster per platform. */
    @Test
    void twoPlatforms(TestInfo test) throws IOException {
        assertGolden(test);
    }

    private static void assertGolden(TestInfo test) throws IOException {
        String name = test.getTestMethod().orElseThrow().getName()
                .replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        Path input = DIR.resolve(name + ".irqtopo");
        SourceResult checked = Compiler.compile(CompileRequest.check(
                new SourceFile(input.getFileName().toString(), Files.readString(input, StandardCharsets.UTF_8)))).sources().get(0);
        assertWithMessage("errors in %s", input).that(checked.hasErrors()).isFalse();
        List<PlatformModel> platforms = checked.platforms();
        String text = ExplainText.render(platforms);
        compare(DIR.resolve(name + ".txt"), text);
        assertThat(text.lines().filter(l -> l.length() > 140).toList()).isEmpty();
        String dot = DotGraph.render(input.getFileName().toString(), platforms);
        compare(DIR.resolve(name + ".dot"), dot);
        assertWellFormed(dot);
        if (GRAPHVIZ.isPresent()) {
            assertGraphvizReads(dot);
        }
    }

    /** Every edge joins declared nodes, each statement ends its line, and the braces balance. */
    private static void assertWellFormed(String dot) {
        Set<String> nodes = new HashSet<>();
        Matcher node = Pattern.compile("(?m)^\\s*(\"[^\"]*\") \\[label=").matcher(dot);
        while (node.find()) {
            nodes.add(node.group(1));
        }
        Matcher edge = Pattern.compile("(?m)^\\s*(\"[^\"]*\") -> (\"[^\"]*\")").matcher(dot);
        int edges = 0;
        while (edge.find()) {
            assertThat(nodes).contains(edge.group(1));
            assertThat(nodes).contains(edge.group(2));
            edges++;
        }
        assertThat(edges).isGreaterThan(0);
        for (String line : dot.lines().toList()) {
            assertThat(line.isEmpty() || line.endsWith("{") || line.endsWith("}") || line.endsWith(";")).isTrue();
        }
        assertThat(dot.chars().filter(c -> c == '{').count()).isEqualTo(dot.chars().filter(c -> c == '}').count());
    }

    /** Graphviz lays the graph out without a word on standard error (run only where {@code dot} is installed). */
    private static void assertGraphvizReads(String dot) throws IOException {
        Process process = new ProcessBuilder(GRAPHVIZ.get().toString(), "-Tsvg").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (var in = process.getOutputStream()) {
            in.write(dot.getBytes(StandardCharsets.UTF_8));
        }
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertWithMessage("dot -Tsvg: %s", errors).that(process.waitFor()).isEqualTo(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertThat(errors).isEmpty();
    }

    /** Graphviz's {@code dot} on the path, if any. */
    private static Optional<Path> graphviz() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "dot"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static void compare(Path golden, String actual) throws IOException {
        if (UPDATE) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertWithMessage("%s (regenerate with -Dirqtopo.updateGoldens=true)", golden)
                .that(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
