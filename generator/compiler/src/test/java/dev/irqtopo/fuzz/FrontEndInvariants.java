package dev.irqtopo.fuzz;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.irqtopo.compiler.CompileRequest;
import dev.irqtopo.compiler.Compiler;
import dev.irqtopo.compiler.SourceFile;
import dev.irqtopo.compiler.SourceResult;
import dev.irqtopo.compiler.ast.IrqtopoFile;
import dev.irqtopo.compiler.ast.PackageDecl;
import dev.irqtopo.compiler.ast.Platform;
import dev.irqtopo.compiler.ast.Pos;
import dev.irqtopo.compiler.ast.StackDecl;
import dev.irqtopo.compiler.diag.Diagnostic;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.compiler.diag.DiagnosticPrinter;
import dev.irqtopo.compiler.diag.GenerationCode;
import dev.irqtopo.compiler.diag.Severity;
import dev.irqtopo.model.PlatformModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What must hold for any source text, whatever its content: the front end answers with a result, never
 * an exception; every diagnostic points at the start of a token inside the text, carries a known code
 * with its severity and a one-line message, and renders with the caret under its column; after a syntax
 * error there are only syntax errors, and otherwise at most one diagnostic of a code per token and no
 * warning for a stack with an error; the answer is the same each time; and a file without errors has
 * one model per platform, in its package.
 */
final class FrontEndInvariants {

    private static final Pattern CODE = Pattern.compile("IRQ\\d{3}");

    private FrontEndInvariants() {
    }

    /** Checks the source, asserts every invariant, and returns the result for further stages. */
    static SourceResult check(SourceFile source) {
        SourceResult result = Compiler.compile(CompileRequest.check(source)).sources().get(0);
        assertPositioned(result, source);
        if (result.diagnostics().stream().anyMatch(d -> d.code().equals("IRQ001"))) {
            // meaning is only judged in a file that parsed
            assertWithMessage("a syntax error comes with syntax errors only")
                    .that(result.diagnostics().stream().map(Diagnostic::code).distinct().toList())
                    .containsExactly("IRQ001");
        }
        if (result.platforms().isEmpty()) {
            assertWithMessage("a file with no platform model must say why").that(result.hasErrors()).isTrue();
        } else {
            assertThat(result.hasErrors()).isFalse();
        }
        Set<List<Object>> tokens = new HashSet<>();
        for (Diagnostic d : result.diagnostics()) {
            if (!d.code().equals("IRQ001")) {
                assertWithMessage("one diagnostic of a code per token: %s", d)
                        .that(tokens.add(List.of(d.line(), d.column(), d.code()))).isTrue();
            }
        }
        boolean warnings = result.diagnostics().stream().anyMatch(d -> d.severity() == Severity.WARNING);
        if (warnings || !result.platforms().isEmpty()) {
            IrqtopoFile file = result.ast().orElseThrow();
            assertNoWarningInAStackWithAnError(file, result.diagnostics());
            assertModelsFollowTheFile(file, result.platforms());
        }
        return result;
    }

    /** A stack with an error in its text gets no warnings (the warnings point at the word {@code stack}). */
    private static void assertNoWarningInAStackWithAnError(IrqtopoFile file, List<Diagnostic> diagnostics) {
        for (Platform platform : file.platforms()) {
            List<StackDecl> stacks = new ArrayList<>(platform.hostStacks());
            platform.guests().forEach(g -> stacks.addAll(g.stacks()));
            for (StackDecl stack : stacks) {
                boolean warned = diagnostics.stream().anyMatch(d -> d.severity() == Severity.WARNING
                        && d.line() == stack.at().line() && d.column() == stack.at().column());
                boolean error = diagnostics.stream()
                        .anyMatch(d -> d.isError() && stack.contains(new Pos(d.line(), d.column())));
                assertWithMessage("the stack at %s has an error and a warning", stack.at()).that(warned && error).isFalse();
            }
        }
    }

    /** One model per platform, in source order, in the file's package. */
    private static void assertModelsFollowTheFile(IrqtopoFile file, List<PlatformModel> platforms) {
        if (platforms.isEmpty()) {
            return;
        }
        assertThat(platforms.stream().map(PlatformModel::name).toList())
                .isEqualTo(file.platforms().stream().map(p -> p.name().text()).toList());
        String javaPackage = file.packageDecl().map(PackageDecl::qualifiedName).orElse("");
        for (PlatformModel platform : platforms) {
            assertThat(platform.javaPackage()).isEqualTo(javaPackage);
        }
    }

    /**
     * Asserts that the result is of the source, its diagnostics sorted, each inside the text with a known
     * code, and rendered with the caret under its column.
     */
    static void assertPositioned(SourceResult result, SourceFile source) {
        assertThat(result.source()).isEqualTo(source);
        assertThat(result.diagnostics()).isInOrder(Diagnostic.ORDER);
        List<String> lines = List.of(source.text().split("\n", -1));
        for (Diagnostic d : result.diagnostics()) {
            assertPositioned(d, source, lines);
            assertRendered(d, source.text(), lines.get(d.line() - 1));
        }
        assertThat(DiagnosticPrinter.render(result.diagnostics(), source.text()))
                .isEqualTo(result.diagnostics().stream().map(d -> DiagnosticPrinter.render(d, source.text()))
                        .reduce("", String::concat));
    }

    /** Asserts that checking the same text again gives an equal answer (file names aside). */
    static void assertSameAnswer(SourceResult first, SourceResult second) {
        assertThat(second.source().text()).isEqualTo(first.source().text());
        assertThat(withoutFile(second.diagnostics())).isEqualTo(withoutFile(first.diagnostics()));
        assertThat(second.platforms()).isEqualTo(first.platforms());
    }

    private static void assertPositioned(Diagnostic d, SourceFile source, List<String> lines) {
        assertThat(d.file()).isEqualTo(source.name());
        assertThat(d.code()).matches(CODE);
        assertThat(severity(d.code())).isEqualTo(d.severity());
        assertWithMessage("message of %s", d).that(d.message().isBlank()).isFalse();
        assertWithMessage("message of %s is one line", d).that(d.message()).doesNotContain("\n");
        assertWithMessage("message of %s is whole characters", d).that(wellFormed(d.message())).isTrue();
        assertWithMessage("line of %s", d).that(d.line()).isAtMost(lines.size());
        String line = lines.get(d.line() - 1);
        int width = line.codePointCount(0, line.length());
        assertWithMessage("column of %s in a line of %s characters", d, width).that(d.column()).isAtMost(width + 1);
        if (d.column() <= width) {
            int at = line.codePointAt(line.offsetByCodePoints(0, d.column() - 1));
            assertWithMessage("%s points at the start of a token, not at a blank", d)
                    .that(" \t\r\f".indexOf(at)).isEqualTo(-1);
        } else {
            assertWithMessage("%s points past its line: only the end of the file is there", d)
                    .that(d.code()).isEqualTo("IRQ001");
        }
    }

    /** Headline, the line pointed into, and a caret exactly under the column. */
    private static void assertRendered(Diagnostic d, String text, String line) {
        String[] rendered = DiagnosticPrinter.render(d, text).split("\n", -1);
        assertThat(rendered).hasLength(4);
        assertThat(rendered[0]).isEqualTo(d.headline());
        assertThat(rendered[0]).startsWith(d.file() + ":" + d.line() + ":" + d.column() + ": ");
        assertThat(rendered[0]).endsWith(" [" + d.code() + "]");
        assertThat(rendered[1]).isEqualTo(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        assertThat(rendered[2]).hasLength(d.column());
        assertThat(rendered[2]).endsWith("^");
        assertThat(rendered[3]).isEmpty();
    }

    /** The severity of a checker's or generation's code. */
    private static Severity severity(String code) {
        for (GenerationCode generation : GenerationCode.values()) {
            if (generation.name().equals(code)) {
                return generation.severity();
            }
        }
        return DiagnosticCode.valueOf(code).severity();
    }

    /** Whether every surrogate is half of a pair: a lone one cannot be printed in any encoding. */
    private static boolean wellFormed(String text) {
        return text.codePoints().noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
    }

    private static List<List<Object>> withoutFile(List<Diagnostic> diagnostics) {
        return diagnostics.stream()
                .map(d -> List.<Object>of(d.line(), d.column(), d.severity(), d.code(), d.message()))
                .toList();
    }
}
