package dev.irqtopo.compiler.parse;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.grammar.IrqtopoLexer;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/** The lexer's tricky cases: requester ids against integers, names and the stack header. */
class LexerTest {

    private static List<String> tokens(String text) {
        IrqtopoLexer lexer = new IrqtopoLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        return lexer.getAllTokens().stream()
                .filter(t -> t.getChannel() != Token.HIDDEN_CHANNEL)
                .map(t -> IrqtopoLexer.VOCABULARY.getSymbolicName(t.getType()) + "(" + t.getText() + ")")
                .toList();
    }

    @Test
    void requesterIdAfterDeviceName() {
        assertThat(tokens("device nic 03:00.0"))
                .containsExactly("DEVICE(device)", "NAME(nic)", "RID(03:00.0)").inOrder();
    }

    @Test
    void requesterIdsWithLettersAndSegment() {
        assertThat(tokens("ff:1f.7 0000:03:00.1 a0:00.0 01:20.0 01:00.8"))
                .containsExactly("RID(ff:1f.7)", "RID(0000:03:00.1)", "RID(a0:00.0)", "RID(01:20.0)", "RID(01:00.8)")
                .inOrder();
    }

    @Test
    void stackHeaderIsNotARequesterId() {
        assertThat(tokens("stack nic.msix: vector"))
                .containsExactly("STACK(stack)", "NAME(nic)", "DOT(.)", "MSIX(msix)", "COLON(:)", "VECTOR(vector)")
                .inOrder();
        // a device name made of hex digits is still a name before '.'
        assertThat(tokens("stack cafe.ims:"))
                .containsExactly("STACK(stack)", "NAME(cafe)", "DOT(.)", "IMS(ims)", "COLON(:)").inOrder();
    }

    @Test
    void integers() {
        assertThat(tokens("42 0x2a 65_536 0xFFFF_FFFF 99999999999999999999999"))
                .containsExactly("INT(42)", "INT(0x2a)", "INT(65_536)", "INT(0xFFFF_FFFF)", "INT(99999999999999999999999)")
                .inOrder();
    }

    @Test
    void anIncompleteRequesterIdFallsBackToIntegers() {
        assertThat(tokens("03:00;")).containsExactly("INT(03)", "COLON(:)", "INT(00)", "SEMI(;)").inOrder();
    }

    @Test
    void keywordsAndNames() {
        assertThat(tokens("apic_ids apic_idsx x2apic _x queue"))
                .containsExactly("APIC_IDS(apic_ids)", "NAME(apic_idsx)", "X2APIC(x2apic)", "NAME(_x)", "QUEUE(queue)")
                .inOrder();
    }

    @Test
    void stringsAndComments() {
        assertThat(tokens("\"a \\\"b\\\" \\\\\" // rest\n/* block\n * comment **/ ->"))
                .containsExactly("STRING(\"a \\\"b\\\" \\\\\")", "ARROW(->)").inOrder();
    }

    @Test
    void errorTokens() {
        assertThat(tokens("# \"open\n\"bad \\n\" /* open"))
                .containsExactly("ERROR_CHAR(#)", "UNTERMINATED_STRING(\"open)", "BAD_ESCAPE_STRING(\"bad \\n\")",
                        "UNTERMINATED_COMMENT(/* open)")
                .inOrder();
    }
}
