package dev.irqtopo.compiler.parse;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.compiler.diag.Diagnostic;
import dev.irqtopo.compiler.diag.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Syntax errors: IRQ001 at the offending token, with a message that says what was expected. */
class SyntaxErrorTest {

    private static List<Diagnostic> errors(String text) {
        ParseResult result = SourceParser.parse("bad.irqtopo", text);
        assertThat(result.file()).isEmpty();
        assertThat(result.diagnostics()).isNotEmpty();
        assertThat(result.diagnostics().stream().map(Diagnostic::code).distinct().toList()).containsExactly("IRQ001");
        assertThat(result.diagnostics().stream().map(Diagnostic::severity).distinct().toList())
                .containsExactly(Severity.ERROR);
        return result.diagnostics();
    }

    private static String first(String text) {
        Diagnostic d = errors(text).get(0);
        return d.line() + ":" + d.column() + " " + d.message();
    }

    @Test
    void emptyFile() {
        assertThat(first("")).isEqualTo("1:1 expected 'package' or 'platform'");
        assertThat(first("  // only a comment\n")).isEqualTo("2:1 expected 'package' or 'platform'");
    }

    @Test
    void missingSemicolon() {
        assertThat(first("platform P {\n    cpu x86 { cpus 2 }\n}")).isEqualTo("2:22 expected ';'");
    }

    @Test
    void missingSemicolonAtTheEndOfALineIsReportedAfterItsToken() {
        assertThat(first("platform P {\n    cpu x86 { cpus 2\n    }\n}")).isEqualTo("2:21 expected ';'");
        assertThat(first("platform P { host {\n  stack d.msix: vector -> msix\n  stack e.msix: vector -> msix; } }"))
                .isEqualTo("2:31 expected one of 'alloc', ';', '->'");
    }

    @Test
    void misspelledOrUpperCaseKeywordIsReadAsTheKeywordMeant() {
        assertThat(errors("platform P { cpu x86 { cpus 2; apci x2apic; } }").stream().map(Diagnostic::message).toList())
                .containsExactly("unknown keyword 'apci': did you mean 'apic'?");
        assertThat(errors("PLATFORM P { CPU X86 { CPUS 2; } }").stream().map(d -> d.column() + " " + d.message()).toList())
                .containsExactly("1 keywords are lower case: 'platform'", "14 keywords are lower case: 'cpu'",
                        "18 keywords are lower case: 'x86'", "24 keywords are lower case: 'cpus'").inOrder();
    }

    @Test
    void unitAfterANumberGivesThePlainNumber() {
        assertThat(first("platform P { bus b { device d 01:00.0 { msix 2K; } } }")).isEqualTo("1:47 sizes are plain numbers: 2048");
        assertThat(first("platform P { iommu vtd u { entries 0x1_0M; } }")).isEqualTo("1:41 sizes are plain numbers: 16777216");
        assertThat(first("platform P { bus b { device d 01:00.0 { msix 2 K; } } }")).isEqualTo("1:48 expected ';'");
    }

    @Test
    void wrongKeyword() {
        assertThat(first("platform P { cpu x86 { apic x3apic; } }")).isEqualTo("1:29 expected 'x2apic' or 'xapic'");
        assertThat(first("platform P { iommu intel d { } }")).isEqualTo("1:20 expected one of 'amdvi', 'riscv', 'vtd'");
        assertThat(first("platform P { hypervisor kvm { traps ims; } }")).isEqualTo("1:40 expected 'device' or 'queue'");
    }

    @Test
    void unexpectedBlock() {
        assertThat(first("platform P { stack a.msi: vector -> msi; }")).isEqualTo(
                "1:14 expected one of 'bus', 'cpu', 'expect', 'gic', 'guest', 'host', 'hypervisor', 'imsic', 'ioapic', 'iommu', 'kernel', 'smmu', '}'");
    }

    @Test
    void aBridgeHoldsOnlyDevices() {
        assertThat(first("platform P { bus b { bridge br 00:1e.0 { msi 1; } } }"))
                .isEqualTo("1:42 expected 'device' or '}'");
        assertThat(first("platform P { bus b { bridge br { } } }")).isEqualTo("1:32 expected a requester id");
        assertThat(first("platform P { bus b { bridge br 00:1e.0 { bridge in 05:00.0 { } } } }"))
                .isEqualTo("1:42 expected 'device' or '}'");
        assertThat(first("platform P { bus b { bridge br 00:1e.0; } }")).isEqualTo("1:39 expected '{'");
        assertThat(first("platform P { bridge br 00:1e.0 { } }")).startsWith("1:14 expected one of 'bus'");
        assertThat(first("platform P { bus b { msi 1; } }")).isEqualTo("1:22 expected one of 'bridge', 'device', 'msi_map', 'msi_map_mask', '}'");
    }

    @Test
    void expectTakesIsolatedOrBreach() {
        assertThat(first("platform P { expect safe; }")).isEqualTo("1:21 expected 'breach' or 'isolated'");
        assertThat(first("platform P { expect isolated }")).isEqualTo("1:30 expected ';'");
        assertThat(first("platform P { expect; }")).isEqualTo("1:20 expected 'breach' or 'isolated'");
    }

    @Test
    void nameExpectedSaysName() {
        assertThat(first("platform { }")).isEqualTo("1:10 expected a name");
        assertThat(first("platform P { bus pci0 { device 01:00.0 { } } }")).isEqualTo("1:32 expected a name");
    }

    @Test
    void badDeviceAddressAndChain() {
        assertThat(first("platform P { bus b { device d 01:00 { } } }")).isEqualTo("1:31 expected 'of' or a requester id");
        assertThat(first("platform P { host { stack d.msix: vector -> -> msix; } }"))
                .isEqualTo("1:45 expected one of 'gic', 'hcall', 'ims', 'imsic', 'its', 'msi', 'msix', 'remap', 'v2m', 'vector'");
        assertThat(first("platform P { host { stack d.foo: vector; } }")).isEqualTo("1:29 expected one of 'ims', 'msi', 'msix'");
    }

    @Test
    void extraToken() {
        assertThat(first("platform P { cpu x86 { cpus 2 2; } }")).isEqualTo("1:31 expected ';'");
    }

    @Test
    void endOfFileTooEarly() {
        assertThat(first("platform P {\n  cpu x86 { cpus 1; }\n")).isEqualTo("3:1 the 'platform' block opened at 1:1 is not closed");
    }

    @Test
    void syntaxErrorInPackageLine() {
        assertThat(first("package a..b;\nplatform P { }")).isEqualTo("1:11 expected a name");
    }

    @Test
    void unterminatedStringAtItsQuote() {
        assertThat(first("platform P \"never closed {\n}")).isEqualTo("1:12 unterminated string");
    }

    @Test
    void unterminatedComment() {
        assertThat(first("platform P { }\n  /* no end\n")).isEqualTo("2:3 unterminated comment");
    }

    @Test
    void unexpectedCharacter() {
        assertThat(first("platform P { # }")).isEqualTo("1:14 unexpected character '#'");
        assertThat(first("platform P { \u0001 }")).isEqualTo("1:14 unexpected character U+0001");
    }

    @Test
    void unknownEscapeAtItsBackslash() {
        assertThat(first("platform P \"a\\nb\" { }")).isEqualTo("1:14 unknown escape '\\n' in string: only \\\" and \\\\ are escapes");
    }

    @Test
    void unknownEscapeOfACharacterOutsideTheBasicPlaneNamesTheWholeCharacter() {
        // U+1F600 is two Java chars: the message must not cut it in half
        assertThat(first("platform P \"\\\uD83D\uDE00\" { }"))
                .isEqualTo("1:13 unknown escape '\\\uD83D\uDE00' in string: only \\\" and \\\\ are escapes");
        assertThat(first("platform P \"\uD83D\uDE00\\\uD83D\uDE00\" { }")).startsWith("1:14 unknown escape '\\\uD83D\uDE00'");
    }

    @Test
    void unknownEscapeOfACharacterThatDoesNotPrintNamesItsCodePoint() {
        assertThat(first("platform P \"\\\t\" { }"))
                .isEqualTo("1:13 unknown escape '\\' followed by U+0009 in string: only \\\" and \\\\ are escapes");
    }

    @Test
    void recoveryFindsLaterErrors() {
        List<Diagnostic> errors = errors("platform P {\n  cpu x86 { cpus 2 }\n  bus b { device 01:00.0 { } }\n}");
        assertThat(errors.stream().map(d -> d.line() + ":" + d.column()).toList()).containsAtLeast("2:20", "3:18");
    }

    @Test
    void manyErrorsAreCapped() {
        assertThat(errors("#".repeat(5000))).hasSize(SyntaxErrors.LIMIT);
    }
}
