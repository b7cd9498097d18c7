package dev.irqtopo.compiler.check;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.irqtopo.compiler.CompileRequest;
import dev.irqtopo.compiler.Compiler;
import dev.irqtopo.compiler.SourceFile;
import dev.irqtopo.compiler.SourceResult;
import dev.irqtopo.compiler.Sources;
import dev.irqtopo.compiler.TestSources;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One failing and one passing fixture per diagnostic code, in {@code fixtures/IRQnnn-bad.irqtopo} and
 * {@code fixtures/IRQnnn-ok.irqtopo}. A bad fixture lists every diagnostic it must produce in
 * {@code // expect: LINE:COL CODE SEVERITY} lines, exactly and in order; an ok fixture has no error and
 * no diagnostic of its code. A new code without fixtures fails here. Fixtures are decoded as the command
 * line decodes files, so that a fixture may hold bytes that are not UTF-8.
 */
class FixtureTest {

    private static final Pattern EXPECT =
            Pattern.compile("(?m)^// expect: (\\d+):(\\d+) (IRQ\\d{3}) (error|warning)$");

    private static SourceResult check(DiagnosticCode code, String kind) throws Exception {
        Path path = TestSources.resource("fixtures").resolve(code.name() + "-" + kind + ".irqtopo");
        assertWithMessage("fixture %s", path).that(Files.exists(path)).isTrue();
        SourceFile source = Sources.decode(path.getFileName().toString(), Files.readAllBytes(path));
        return Compiler.compile(CompileRequest.check(source)).sources().get(0);
    }

    @ParameterizedTest
    @EnumSource(DiagnosticCode.class)
    void badFixtureReportsExactlyItsExpectations(DiagnosticCode code) throws Exception {
        SourceResult result = check(code, "bad");
        List<String> expected = EXPECT.matcher(result.source().text()).results()
                .map(m -> m.group(1) + ":" + m.group(2) + " " + m.group(3) + " " + m.group(4)).toList();
        List<String> actual = result.diagnostics().stream()
                .map(d -> d.line() + ":" + d.column() + " " + d.code() + " " + d.severity().word()).toList();

        assertThat(expected).isNotEmpty();
        assertWithMessage("every expectation is of %s", code)
                .that(expected.stream().allMatch(e -> e.contains(" " + code.name() + " "))).isTrue();
        assertThat(actual).containsExactlyElementsIn(expected).inOrder();
    }

    @ParameterizedTest
    @EnumSource(DiagnosticCode.class)
    void okFixtureHasNoErrorAndNothingOfItsCode(DiagnosticCode code) throws Exception {
        SourceResult result = check(code, "ok");
        assertThat(result.diagnostics().stream().filter(d -> d.isError() || d.code().equals(code.name())).toList())
                .isEmpty();
        assertThat(result.designs()).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(DiagnosticCode.class)
    void severityFollowsTheCode(DiagnosticCode code) throws Exception {
        SourceResult result = check(code, "bad");
        Matcher m = EXPECT.matcher(result.source().text());
        while (m.find()) {
            String severity = code.name().compareTo("IRQ100") >= 0 ? "warning" : "error";
            assertThat(m.group(4)).isEqualTo(severity);
        }
        assertThat(result.diagnostics().stream().allMatch(d -> d.severity() == code.severity())).isTrue();
    }
}
