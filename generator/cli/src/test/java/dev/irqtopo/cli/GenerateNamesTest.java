package dev.irqtopo.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.irqtopo.compiler.CompileRequest;
import dev.irqtopo.compiler.Compiler;
import dev.irqtopo.compiler.NameCases;
import dev.irqtopo.compiler.NameCases.NameCase;
import dev.irqtopo.compiler.SourceFile;
import dev.irqtopo.compiler.output.GeneratedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code irqtopo generate} on the names and packages of {@link NameCases}: every file it writes lies
 * under the output directory and compiles with {@code -Xlint:all -Werror}; every refused input gets
 * its diagnostics, positioned, and leaves the directory as it was.
 */
class GenerateNamesTest {

    @TempDir
    Path dir;

    static List<NameCase> cases() {
        return NameCases.all();
    }

    static List<String> refusedPackages() {
        return NameCases.refusedPackageOptions();
    }

    /** Every path under {@code root} with its bytes: equal only if nothing was written, moved or deleted. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                tree.put(root.relativize(p).toString(), Files.isDirectory(p) ? "dir" : Arrays.toString(Files.readAllBytes(p)));
            }
        }
        return tree;
    }

    /** Writes the case's files into {@code in/} and runs generate into {@code out}. */
    private CommandRun generate(NameCase c, Path out) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        List<String> args = new ArrayList<>(List.of("generate", "-d", out.toString()));
        c.packageName().ifPresent(p -> args.addAll(List.of("--package", p)));
        for (SourceFile file : c.files()) {
            args.add(Files.writeString(in.resolve(file.name()), file.text()).toString());
        }
        return CommandRun.of(args.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writesOnlyUnderTheDirectoryOrNothingAtAll(NameCase c) throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("kept.txt"), "the user's");
        Map<String, String> before = snapshot(dir);
        CommandRun run = generate(c, out);
        Map<String, String> after = snapshot(dir);
        after.keySet().removeIf(p -> p.equals("in") || p.startsWith("in/"));
        if (!c.clean()) {
            assertThat(run.exit()).isEqualTo(1);
            // FILE:LINE:COL: error: MESSAGE [CODE], the file as given on the command line
            String in = dir.resolve("in") + java.io.File.separator;
            Matcher headline = Pattern.compile("(?m)^(.+):(\\d+):(\\d+): error: .*\\[(IRQ\\d{3})\\]$").matcher(run.err());
            List<String> errors = new ArrayList<>();
            while (headline.find()) {
                assertThat(headline.group(1)).startsWith(in);
                errors.add(headline.group(1).substring(in.length()) + ":" + headline.group(2) + ":" + headline.group(3)
                        + " " + headline.group(4));
            }
            assertThat(c.comparable(errors)).containsExactlyElementsIn(c.expected()).inOrder();
            assertThat(after).isEqualTo(before);
            return;
        }
        assertWithMessage("%s", run.err()).that(run.exit()).isEqualTo(0);
        List<GeneratedFile> expected = Compiler.compile(CompileRequest.generate(c.files()).withPackage(c.packageName())).files();
        Map<String, String> written = new TreeMap<>(after);
        before.keySet().forEach(written::remove);
        for (GeneratedFile file : expected) {
            Path target = out.resolve(file.relativePath());
            assertThat(target.toRealPath().startsWith(out.toRealPath())).isTrue();
            assertThat(Files.readString(target)).isEqualTo(file.content());
        }
        // nothing but the generated files and their directories appeared, all in out
        assertThat(written.entrySet().stream().filter(e -> !e.getValue().equals("dir")).map(Map.Entry::getKey).toList())
                .containsExactlyElementsIn(expected.stream().map(f -> Path.of("out", f.relativePath()).toString()).toList());
        assertThat(written.keySet().stream().allMatch(p -> p.startsWith("out/"))).isTrue();
        assertThat(Files.readString(out.resolve("kept.txt"))).isEqualTo("the user's");
    }

    @Test
    void everyCleanCaseWrittenToDiskCompilesWithEveryLintAsAnError() throws IOException {
        Path out = dir.resolve("all");
        for (NameCase c : NameCases.clean()) {
            assertWithMessage("%s", c).that(generate(c, out).exit()).isEqualTo(0);
        }
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(out)) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(sources.size()).isAtLeast(NameCases.clean().size());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-Xlint:all", "-Werror", "-proc:none", "-encoding", "US-ASCII",
                    "-classpath", System.getProperty("java.class.path"), "-d", dir.resolve("classes").toString());
            boolean ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources))
                    .call();
            assertWithMessage("%s", diagnostics.getDiagnostics().stream().map(d -> d.toString())
                    .collect(Collectors.joining("\n"))).that(ok && diagnostics.getDiagnostics().isEmpty()).isTrue();
        }
    }

    @ParameterizedTest(name = "--package {0}")
    @MethodSource("refusedPackages")
    void aPackageOptionThatIsNoJavaPackageOfNamesIsAUsageError(String name) throws IOException {
        Path input = Files.writeString(dir.resolve("bare.irqtopo"), "platform Bare { cpu x86 { cpus 1; } }\n");
        Path out = dir.resolve("out");
        CommandRun run = CommandRun.of("generate", "-d", out.toString(), "--package", name, input.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("irqtopo: --package: ");
        assertThat(run.err().lines().count()).isEqualTo(1);
        assertThat(Files.exists(out)).isFalse();
    }
}
