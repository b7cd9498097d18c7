package dev.irqtopo.compiler;

import dev.irqtopo.compiler.diag.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Helpers shared by the compiler's tests. */
public final class TestSources {

    private TestSources() {
    }

    /** Checks text as a file named {@code test.irqtopo}. */
    public static SourceResult check(String text) {
        return Compiler.compile(CompileRequest.check(new SourceFile("test.irqtopo", text))).sources().get(0);
    }

    /** {@code LINE:COL CODE} for each diagnostic, in order: compact to assert on. */
    public static List<String> positions(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> d.line() + ":" + d.column() + " " + d.code()).toList();
    }

    public static List<String> positions(String text) {
        return positions(check(text).diagnostics());
    }

    /** A directory or file of the test resources. */
    public static Path resource(String name) {
        URL url = TestSources.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
