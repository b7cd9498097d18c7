package dev.irqtopo.compiler.parse;

import dev.irqtopo.compiler.diag.Suggestion;
import dev.irqtopo.grammar.IrqtopoLexer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * A word where a keyword belongs that is one of the expected keywords in upper case ({@code MSIX}) or
 * clearly a misspelling of one ({@code remp}): the parser reads it as that keyword, after one
 * diagnostic that says so, instead of reporting every keyword it could have been and then the errors
 * that follow from skipping it.
 *
 * @param type    the keyword's token type
 * @param message what the diagnostic says
 */
record KeywordRepair(int type, String message) {

    /** Every keyword of the lexer by its text. */
    private static final Map<String, Integer> KEYWORDS = keywords(IrqtopoLexer.VOCABULARY);

    /** The repair for {@code token} where the parser expects {@code expected}, if one is clear. */
    static Optional<KeywordRepair> of(Token token, IntervalSet expected) {
        if (token.getType() != IrqtopoLexer.NAME || expected.contains(IrqtopoLexer.NAME)) {
            return Optional.empty();
        }
        String text = token.getText();
        String lower = text.toLowerCase(Locale.ROOT);
        Integer keyword = KEYWORDS.get(lower);
        if (keyword != null && expected.contains(keyword)) {
            return Optional.of(new KeywordRepair(keyword, "keywords are lower case: '" + lower + "'"));
        }
        Map<String, Integer> candidates = new LinkedHashMap<>();
        KEYWORDS.forEach((word, type) -> {
            if (expected.contains(type)) {
                candidates.put(word, type);
            }
        });
        return Suggestion.closest(text, candidates.keySet()).map(word -> new KeywordRepair(candidates.get(word),
                "unknown keyword '" + text + "': did you mean '" + word + "'?"));
    }

    private static Map<String, Integer> keywords(Vocabulary vocabulary) {
        Map<String, Integer> keywords = new LinkedHashMap<>();
        for (int type = 1; type <= vocabulary.getMaxTokenType(); type++) {
            String literal = vocabulary.getLiteralName(type);
            if (literal != null && literal.matches("'[a-z0-9_]+'")) {
                keywords.put(literal.substring(1, literal.length() - 1), type);
            }
        }
        return Map.copyOf(keywords);
    }
}
