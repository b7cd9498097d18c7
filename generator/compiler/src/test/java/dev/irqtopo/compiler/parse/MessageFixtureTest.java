package dev.irqtopo.compiler.parse;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.compiler.CompileRequest;
import dev.irqtopo.compiler.Compiler;
import dev.irqtopo.compiler.SourceResult;
import dev.irqtopo.compiler.Sources;
import dev.irqtopo.compiler.TestSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The messages written for people, one fixture each in {@code messages/}: a missing {@code ';'}, a
 * misspelled keyword or name, a keyword in upper case, a unit after a number, a block left open, a byte
 * that is not UTF-8. A fixture lists every diagnostic it must produce in
 * {@code // expect: LINE:COL CODE MESSAGE} lines, exactly and in order, the message included. Fixtures
 * are read as the command line reads files.
 */
class MessageFixtureTest {

    private static final Pattern EXPECT = Pattern.compile("(?m)^// expect: (\\d+:\\d+ IRQ\\d{3} .*)$");

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(TestSources.resource("messages"))) {
            return files.filter(f -> f.toString().endsWith(".irqtopo")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void reportsExactlyItsExpectations(Path fixture) throws Exception {
        SourceResult result = Compiler.compile(CompileRequest.check(Sources.read(fixture))).sources().get(0);
        List<String> expected = EXPECT.matcher(result.source().text()).results().map(m -> m.group(1)).toList();
        List<String> actual = result.diagnostics().stream()
                .map(d -> d.line() + ":" + d.column() + " " + d.code() + " " + d.message()).toList();
        assertThat(expected).isNotEmpty();
        assertThat(actual).containsExactlyElementsIn(expected).inOrder();
    }
}
