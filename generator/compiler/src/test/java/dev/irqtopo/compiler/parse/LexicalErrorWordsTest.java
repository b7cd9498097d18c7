package dev.irqtopo.compiler.parse;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.compiler.TestSources.check;

import dev.irqtopo.compiler.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a lexical error shows the character at fault: itself when it prints, its code point when it
 * does not, and for a bad escape the column of its backslash.
 */
class LexicalErrorWordsTest {

    private static List<String> errors(String text) {
        return check(text).diagnostics().stream()
                .filter(d -> d.message().startsWith("unknown escape") || d.message().startsWith("unexpected character"))
                .map(d -> d.line() + ":" + d.column() + " " + d.message()).toList();
    }

    @Test
    void aBadEscapeIsShownAtItsBackslash() {
        assertThat(errors("platform P \"a \\q\" { cpu x86 { cpus 1; } }\n")).containsExactly(
                "1:15 unknown escape '\\q' in string: only \\\" and \\\\ are escapes");
        // the escapes before it are skipped whole: \\ then \" then the bad one
        assertThat(errors("platform P \"\\\\\\\"\\z\" { cpu x86 { cpus 1; } }\n")).containsExactly(
                "1:17 unknown escape '\\z' in string: only \\\" and \\\\ are escapes");
        assertThat(errors("platform P \"x\\\ty\" { cpu x86 { cpus 1; } }\n")).containsExactly(
                "1:14 unknown escape '\\' followed by U+0009 in string: only \\\" and \\\\ are escapes");
    }

    @Test
    void aCharacterThatDoesNotPrintIsShownByItsCodePoint() {
        assertThat(errors("platform P { cpu x86 { cpus 1; } } @\n")).containsExactly("1:36 unexpected character '@'");
        assertThat(errors("platform P { cpu x86 { cpus 1; } } \u0007\n")).containsExactly("1:36 unexpected character U+0007");
        assertThat(errors("platform P { cpu x86 { cpus 1; } } \u007f\n")).containsExactly("1:36 unexpected character U+007F");
        assertThat(errors("platform P { cpu x86 { cpus 1; } } \u2003\n")).containsExactly("1:36 unexpected character U+2003");
        assertThat(errors("platform P { cpu x86 { cpus 1; } } \u0378\n")).containsExactly("1:36 unexpected character U+0378");
        assertThat(errors("platform P { cpu x86 { cpus 1; } } \u00e9\n")).containsExactly("1:36 unexpected character 'é'");
    }
}
