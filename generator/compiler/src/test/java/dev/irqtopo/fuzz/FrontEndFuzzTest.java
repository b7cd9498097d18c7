package dev.irqtopo.fuzz;

import static com.google.common.truth.Truth.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.irqtopo.compiler.EncodingError;
import dev.irqtopo.compiler.SourceFile;
import dev.irqtopo.compiler.SourceResult;
import dev.irqtopo.compiler.Sources;
import dev.irqtopo.compiler.UnreadableSourceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arbitrary bytes through the whole front end: decoded leniently as UTF-8 (as an editor or build tool
 * might hand text over), and read from a file exactly as the command line reads one; then parsed,
 * checked, resolved into models and rendered, and, when there is no error, generated in memory.
 * {@link FrontEndInvariants} and {@link GenerationInvariants} say what must hold.
 *
 * <p>In a normal build this replays the committed inputs under {@code FrontEndFuzzTestInputs/frontEnd/}
 * in a few seconds: the seeds (the conformance cases, the samples, the checker's fixtures and a few
 * byte-level edge cases) and every input that once broke an invariant ({@code regression-*}). To fuzz,
 * from the repository root, for a million inputs or 25 minutes, whichever comes first:
 *
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -B -pl generator/compiler -am test -Dtest=FrontEndFuzzTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.max_executions=1000000 -Djazzer.max_duration=25m
 * </pre>
 *
 * The module's {@code fuzz} profile, on whenever {@code JAZZER_FUZZ} is set, gives libFuzzer a 1 s limit
 * per input. The corpus grows in {@code generator/compiler/.cifuzz-corpus/} (not committed); an input
 * that breaks an invariant or the time limit is written into the inputs directory above: commit it, named
 * for what it found, with the fix. The run ends with a line that times its slowest inputs again.
 */
class FrontEndFuzzTest {

    @TempDir
    static Path dir;

    @FuzzTest
    void frontEnd(byte[] input) {
        long start = System.nanoTime();
        run(input);
        SlowestInput.record(input, System.nanoTime() - start);
    }

    @AfterAll
    static void reportSlowest() throws IOException {
        SlowestInput.report(FrontEndFuzzTest::run, System.err, Path.of("target", "front-end-fuzz-slowest-input"));
    }

    private static void run(byte[] input) {
        SourceFile lenient = new SourceFile("fuzz.irqtopo", new String(input, StandardCharsets.UTF_8));
        SourceResult first = FrontEndInvariants.check(lenient);

        Optional<SourceFile> read = readAsTheCommandLineDoes(input);
        if (read.isPresent() && (!read.get().text().equals(lenient.text()) || !read.get().encodingErrors().isEmpty())) {
            // a byte order mark, dropped when reading, or bytes that are not UTF-8, reported where they
            // are: the rest must still make sense
            FrontEndInvariants.check(read.get());
            read = Optional.empty();
        }
        SourceFile again = read.orElse(lenient);
        FrontEndInvariants.assertSameAnswer(first, FrontEndInvariants.check(again));
        if (!first.hasErrors()) {
            GenerationInvariants.generate(lenient, first);
        }
    }

    /**
     * Reads the bytes from a file with {@link Sources#read}, and asserts that it refuses exactly what is
     * not text (bytes with a NUL), and that it reads bytes that are not UTF-8 as the JDK replaces them,
     * with one encoding error at each replacement character they became.
     */
    private static Optional<SourceFile> readAsTheCommandLineDoes(byte[] input) {
        Path file = dir.resolve("input.irqtopo");
        try {
            Files.write(file, input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean binary = containsNul(input);
        try {
            SourceFile source = Sources.read(file);
            assertThat(binary).isFalse();
            assertThat(source.name()).isEqualTo(file.toString());
            String text = new String(input, StandardCharsets.UTF_8);
            assertThat(source.text()).isEqualTo(text.startsWith("\uFEFF") ? text.substring(1) : text);
            assertThat(source.encodingErrors().isEmpty()).isEqualTo(strictUtf8(input).isPresent());
            List<String> lines = source.text().lines().toList();
            for (EncodingError error : source.encodingErrors()) {
                String line = source.text().split("\n", -1)[error.at().line() - 1];
                assertThat(line.codePointAt(line.offsetByCodePoints(0, error.at().column() - 1))).isEqualTo(0xFFFD);
            }
            return Optional.of(source);
        } catch (UnreadableSourceException e) {
            assertThat(e.file()).isEqualTo(file.toString());
            assertThat(e).hasMessageThat().doesNotContain("\n");
            assertThat(e.reason()).isEqualTo("binary file (contains NUL bytes)");
            assertThat(binary).isTrue();
            return Optional.empty();
        }
    }

    private static Optional<String> strictUtf8(byte[] input) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(input)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean containsNul(byte[] input) {
        for (byte b : input) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }
}
