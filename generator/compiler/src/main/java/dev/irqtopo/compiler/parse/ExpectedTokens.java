package dev.irqtopo.compiler.parse;

import dev.irqtopo.grammar.IrqtopoLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Phrases a set of tokens the parser expected for people: {@code expected ';'}, {@code expected a name}. */
final class ExpectedTokens {

    private static final Pattern KEYWORD_LITERAL = Pattern.compile("'[a-z0-9_]+'");
    private static final Vocabulary VOCABULARY = IrqtopoLexer.VOCABULARY;

    private ExpectedTokens() {
    }

    /** {@code expected X}, {@code expected X or Y}, or {@code expected one of X, Y, Z}. */
    static String describe(IntervalSet expected) {
        List<String> words = words(expected);
        if (words.isEmpty()) {
            return "unexpected input";
        }
        if (words.size() == 1) {
            return "expected " + words.get(0);
        }
        if (words.size() == 2) {
            return "expected " + words.get(0) + " or " + words.get(1);
        }
        return "expected one of " + String.join(", ", words);
    }

    /**
     * The expected tokens in vocabulary order. Where a name is expected the grammar also accepts every
     * keyword (so that the checker can report IRQ002), but people should only read "a name".
     */
    static List<String> words(IntervalSet expected) {
        boolean nameExpected = expected.contains(IrqtopoLexer.NAME);
        List<String> words = new ArrayList<>();
        for (int type : expected.toArray()) {
            if (nameExpected && isKeyword(type)) {
                continue;
            }
            words.add(word(type));
        }
        return words;
    }

    private static boolean isKeyword(int type) {
        String literal = VOCABULARY.getLiteralName(type);
        return literal != null && KEYWORD_LITERAL.matcher(literal).matches();
    }

    private static String word(int type) {
        return switch (type) {
            case Token.EOF -> "end of file";
            case IrqtopoLexer.NAME -> "a name";
            case IrqtopoLexer.INT -> "a number";
            case IrqtopoLexer.RID -> "a requester id";
            case IrqtopoLexer.STRING -> "a string";
            default -> {
                String literal = VOCABULARY.getLiteralName(type);
                yield literal != null ? literal : VOCABULARY.getDisplayName(type);
            }
        };
    }
}
