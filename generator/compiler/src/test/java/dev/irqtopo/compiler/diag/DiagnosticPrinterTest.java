package dev.irqtopo.compiler.diag;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rendered form: headline, source line, caret under the column with tabs kept. */
class DiagnosticPrinterTest {

    @Test
    void headlineLineAndCaret() {
        Diagnostic d = DiagnosticCode.IRQ001.at("f.irqtopo", 2, 22, "expected ';'");
        assertThat(DiagnosticPrinter.render(d, "platform P {\n    cpu x86 { cpus 2 }\r\n}"))
                .isEqualTo("f.irqtopo:2:22: error: expected ';' [IRQ001]\n"
                        + "    cpu x86 { cpus 2 }\n"
                        + "                     ^\n");
    }

    @Test
    void tabsAreCopiedSoTheCaretAligns() {
        Diagnostic d = DiagnosticCode.IRQ103.at("f", 1, 4, "m");
        assertThat(DiagnosticPrinter.render(d, "\t\tx stack")).isEqualTo("f:1:4: warning: m [IRQ103]\n\t\tx stack\n\t\t ^\n");
    }

    @Test
    void positionPastTheText() {
        Diagnostic d = DiagnosticCode.IRQ001.at("e", 1, 1, "expected 'package' or 'platform'");
        assertThat(DiagnosticPrinter.render(List.of(d), "")).isEqualTo(
                "e:1:1: error: expected 'package' or 'platform' [IRQ001]\n\n^\n");
        assertThat(DiagnosticPrinter.render(DiagnosticCode.IRQ001.at("e", 3, 2, "m"), "a\n"))
                .isEqualTo("e:3:2: error: m [IRQ001]\n\n ^\n");
    }

    @Test
    void sortOrder() {
        Diagnostic a = DiagnosticCode.IRQ031.at("f", 4, 11, "m");
        Diagnostic b = DiagnosticCode.IRQ030.at("f", 4, 11, "m");
        Diagnostic c = DiagnosticCode.IRQ001.at("f", 4, 12, "m");
        Diagnostic d = DiagnosticCode.IRQ104.at("f", 3, 40, "m");
        assertThat(List.of(a, b, c, d).stream().sorted(Diagnostic.ORDER).toList()).containsExactly(d, b, a, c).inOrder();
    }
}
