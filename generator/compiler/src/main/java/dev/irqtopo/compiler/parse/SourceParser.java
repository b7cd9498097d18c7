package dev.irqtopo.compiler.parse;

import dev.irqtopo.compiler.diag.Position;
import dev.irqtopo.grammar.IrqtopoLexer;
import dev.irqtopo.grammar.IrqtopoParser;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/**
 * The parse stage: source text to AST, or IRQ001 diagnostics. ANTLR's console listeners are replaced
 * by one that collects diagnostics; lexical errors come from the lexer's error tokens. A file with any
 * syntax error yields no AST, so later stages never see a half-parsed file.
 */
public final class SourceParser {

    private SourceParser() {
    }

    /**
     * @param fileName the file's name as the user gave it, which diagnostics print
     * @param text     the file's content
     */
    public static ParseResult parse(String fileName, String text) {
        return parse(fileName, text, Set.of());
    }

    /**
     * @param replaced where the text holds a U+FFFD that stands for bytes that were not UTF-8, which the
     *                 caller reports: there the lexer's error for an unexpected character is left out
     */
    public static ParseResult parse(String fileName, String text, Set<Position> replaced) {
        SyntaxErrors errors = new SyntaxErrors(fileName);

        IrqtopoLexer lexer = new IrqtopoLexer(CharStreams.fromString(text, fileName));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        for (Token token : tokens.getTokens()) {
            if (token.getChannel() == IrqtopoLexer.ERRORS && !replaced.contains(
                    new Position(token.getLine(), token.getCharPositionInLine() + 1))) {
                LexicalErrors.report(token, errors);
            }
        }

        IrqtopoParser parser = new IrqtopoParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        parser.setErrorHandler(new HumanErrorStrategy(errors));
        IrqtopoParser.FileContext tree = parser.file();

        if (!errors.diagnostics().isEmpty()) {
            return new ParseResult(Optional.empty(), errors.diagnostics());
        }
        return new ParseResult(Optional.of(new AstBuilder().build(tree)), errors.diagnostics());
    }
}
