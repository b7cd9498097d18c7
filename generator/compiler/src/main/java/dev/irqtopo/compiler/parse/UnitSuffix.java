package dev.irqtopo.compiler.parse;

import dev.irqtopo.grammar.IrqtopoLexer;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * A unit written right after a number, as in {@code 64K}: the lexer reads a number and then a name, and
 * the parser would only say it expected {@code ';'}. Sizes and counts in the language are plain
 * numbers, so the diagnostic gives the number the unit stood for (binary units: K is 1024).
 */
final class UnitSuffix {

    private static final Map<String, Integer> SHIFTS = Map.of(
            "k", 10, "kb", 10, "kib", 10,
            "m", 20, "mb", 20, "mib", 20,
            "g", 30, "gb", 30, "gib", 30);

    private UnitSuffix() {
    }

    /** {@code sizes are plain numbers: 65536} when {@code token} is a unit glued to the number before it. */
    static Optional<String> message(Token token, TokenStream tokens) {
        if (token.getType() != IrqtopoLexer.NAME || token.getTokenIndex() < 1) {
            return Optional.empty();
        }
        Integer shift = SHIFTS.get(token.getText().toLowerCase(Locale.ROOT));
        Token number = tokens.get(token.getTokenIndex() - 1);
        if (shift == null || number.getType() != IrqtopoLexer.INT || number.getStopIndex() + 1 != token.getStartIndex()) {
            return Optional.empty();
        }
        return Optional.of("sizes are plain numbers: " + value(number.getText()).shiftLeft(shift));
    }

    private static BigInteger value(String literal) {
        String digits = literal.replace("_", "");
        return digits.startsWith("0x") || digits.startsWith("0X")
                ? new BigInteger(digits.substring(2), 16) : new BigInteger(digits);
    }
}
