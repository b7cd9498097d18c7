package dev.irqtopo.scale;

import dev.irqtopo.compiler.output.GeneratedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources with the JDK's compiler in this process, as a build using the runtime
 * would: {@code -Xlint:all -Werror}, this process's class path (which holds the runtime), class files
 * written to a scratch directory that is removed afterwards.
 */
final class InProcessJavac {

    private InProcessJavac() {
    }

    /**
     * Compiles the files and returns how many class files javac wrote.
     *
     * @throws IllegalStateException when javac reports an error or a warning, with its messages
     */
    static int compile(List<GeneratedFile> files) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this runtime: run on a JDK");
        }
        Path classes;
        try {
            classes = Files.createTempDirectory("irqtopo-scale-classes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            List<String> options = List.of("-Xlint:all", "-Werror", "-proc:none", "-implicit:none",
                    "-classpath", System.getProperty("java.class.path"), "-d", classes.toString());
            List<JavaFileObject> sources = new ArrayList<>();
            for (GeneratedFile file : files) {
                sources.add(new Source(file));
            }
            try (StandardJavaFileManager manager = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
                boolean ok = javac.getTask(null, manager, diagnostics, options, null, sources).call();
                if (!ok || !diagnostics.getDiagnostics().isEmpty()) {
                    throw new IllegalStateException("javac: " + diagnostics.getDiagnostics().stream()
                            .map(InProcessJavac::describe).collect(Collectors.joining("\n")));
                }
            }
            try (Stream<Path> walk = Files.walk(classes)) {
                return (int) walk.filter(p -> p.toString().endsWith(".class")).count();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(classes);
        }
    }

    private static String describe(Diagnostic<? extends JavaFileObject> d) {
        return d.getKind() + " " + (d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + " ")
                + d.getMessage(Locale.ROOT);
    }

    private static void delete(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A generated file as javac reads it, from memory. */
    private static final class Source extends SimpleJavaFileObject {
        private final String content;

        Source(GeneratedFile file) {
            super(URI.create("string:///" + file.relativePath()), Kind.SOURCE);
            this.content = file.content();
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return content;
        }
    }
}
