package dev.irqtopo.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.irqtopo.compiler.TestSources;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * {@code irqtopo dot FILE | dot -Tsvg} on every bundled sample, on a file that holds all of them and on
 * a conformance scenario of two platforms: Graphviz draws each without a complaint, and what it writes is
 * one SVG document (XML with a single {@code svg} root), with a cluster per platform when there are
 * several. Skipped where Graphviz is not installed.
 */
class DotSvgTest {

    private static final Optional<Path> GRAPHVIZ = Stream.of(System.getenv().getOrDefault("PATH", "")
                    .split(java.io.File.pathSeparator))
            .filter(dir -> !dir.isEmpty())
            .map(dir -> Path.of(dir, "dot"))
            .filter(Files::isExecutable)
            .findFirst();
    private static final Pattern PLATFORM = Pattern.compile("(?m)^platform (\\w+)");

    @TempDir
    Path temp;

    @BeforeAll
    static void graphvizIsInstalled() {
        assumeTrue(GRAPHVIZ.isPresent(), "Graphviz's dot is not on the PATH");
    }

    static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(TestSources.resource("samples"))) {
            List<Path> samples = files.filter(f -> f.getFileName().toString().endsWith(".irqtopo")).sorted().toList();
            assertThat(samples.size()).isAtLeast(12);
            return samples;
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleIsOneSvgDocument(Path sample) throws Exception {
        List<String> platforms = platforms(Files.readString(sample, StandardCharsets.UTF_8));
        assertThat(platforms).hasSize(1);
        Document svg = render(sample);
        // a single platform is the graph itself, titled with its name
        assertThat(graphTitle(svg)).isEqualTo(platforms.get(0));
        assertThat(clusters(svg)).containsAtLeast("cluster_hardware", "cluster_kernel_host");
    }

    @Test
    void everySampleInOneFileIsOneDocumentWithAClusterPerPlatform() throws Exception {
        StringBuilder all = new StringBuilder("package dev.irqtopo.samples;\n");
        List<String> names = new ArrayList<>();
        for (Path sample : samples()) {
            String text = Files.readString(sample, StandardCharsets.UTF_8);
            names.addAll(platforms(text));
            all.append(text.replaceFirst("(?m)^package [\\w.]+;\\n", "")).append('\n');
        }
        Path file = temp.resolve("all-samples.irqtopo");
        Files.writeString(file, all, StandardCharsets.UTF_8);

        Document svg = render(file);
        assertThat(graphTitle(svg)).isEqualTo("all-samples.irqtopo");
        List<String> clusters = clusters(svg);
        for (String name : names) {
            assertThat(clusters).containsAtLeast("cluster_" + name, "cluster_" + name + "/hardware",
                    "cluster_" + name + "/kernel_host");
        }
    }

    @Test
    void aScenarioOfTwoPlatformsIsOneDocument() throws Exception {
        Path scenario = TestSources.resource("conformance/scenarios/compat-x2apic.irqtopo");
        List<String> names = platforms(Files.readString(scenario, StandardCharsets.UTF_8));
        assertThat(names).hasSize(2);
        Document svg = render(scenario);
        assertThat(clusters(svg)).containsAtLeast("cluster_" + names.get(0), "cluster_" + names.get(1));

        // --platform draws that one alone, as a graph of its own
        CommandRun one = CommandRun.of("dot", scenario.toString(), "--platform", names.get(1));
        assertThat(graphTitle(svg(one))).isEqualTo(names.get(1));
    }

    private static List<String> platforms(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = PLATFORM.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Document render(Path file) throws Exception {
        return svg(CommandRun.of("dot", file.toString()));
    }

    /** The command's DOT through {@code dot -Tsvg}, parsed as XML: a second root fails to parse. */
    private static Document svg(CommandRun run) throws Exception {
        assertWithMessage("irqtopo dot: %s", run.err()).that(run.exit()).isEqualTo(0);
        Process process = new ProcessBuilder(GRAPHVIZ.orElseThrow().toString(), "-Tsvg").start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (var in = process.getOutputStream()) {
            in.write(run.out().getBytes(StandardCharsets.UTF_8));
        }
        int exit = process.waitFor();
        String errors = new String(err.get(), StandardCharsets.UTF_8);
        assertWithMessage("dot -Tsvg: %s", errors).that(exit).isEqualTo(0);
        assertThat(errors).isEmpty();
        Document svg = parse(out.get());
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        return svg;
    }

    private static Document parse(byte[] svg) throws ParserConfigurationException, IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // Graphviz names the SVG 1.1 DTD: neither fetch nor read it
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        DocumentBuilder builder = factory.newDocumentBuilder();
        try {
            return builder.parse(new ByteArrayInputStream(svg));
        } catch (SAXException e) {
            throw new AssertionError("not one well-formed SVG document: " + e.getMessage(), e);
        }
    }

    /** The graph's title, which Graphviz takes from its name. */
    private static String graphTitle(Document svg) {
        return groups(svg, "graph").get(0);
    }

    /** The text of the {@code title} element directly under {@code group}. */
    private static String title(Element group) {
        NodeList children = group.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && child.getTagName().equals("title")) {
                return child.getTextContent();
            }
        }
        throw new AssertionError("a group without a title");
    }

    /** The title of every cluster Graphviz drew, in document order. */
    private static List<String> clusters(Document svg) {
        return groups(svg, "cluster");
    }

    /** The titles of the groups ({@code g}) of one class, in document order. */
    private static List<String> groups(Document svg, String kind) {
        List<String> titles = new ArrayList<>();
        NodeList groups = svg.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (group.getAttribute("class").equals(kind)) {
                titles.add(title(group));
            }
        }
        return titles;
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
