package dev.irqtopo.compiler.parse;

import dev.irqtopo.compiler.diag.Position;
import dev.irqtopo.grammar.IrqtopoLexer;
import java.util.HashMap;
import java.util.Map;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Where the token that starts at a position ends, for tools that mark a range rather than a point: the
 * position just after its last character. A diagnostic points at its offending token's first
 * character; where no token starts (inside a string, after the last token of a line, at the end of the
 * file) the range is the one character there, or empty at the end of a line.
 */
public final class TokenEnds {

    private final String text;
    private final Map<Position, Position> ends = new HashMap<>();

    private TokenEnds(String text) {
        this.text = text;
    }

    /** The ends of every token of {@code text}, lexed once. */
    public static TokenEnds of(String text) {
        TokenEnds index = new TokenEnds(text);
        IrqtopoLexer lexer = new IrqtopoLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
            Position start = new Position(token.getLine(), token.getCharPositionInLine() + 1);
            index.ends.put(start, after(start, token.getText()));
        }
        return index;
    }

    /** The end of the range that starts at {@code start}. */
    public Position end(Position start) {
        Position end = ends.get(start);
        if (end != null) {
            return end;
        }
        return hasCharacterAt(start) ? new Position(start.line(), start.column() + 1) : start;
    }

    private static Position after(Position start, String tokenText) {
        int line = start.line();
        int column = start.column();
        for (int i = 0; i < tokenText.length(); i = tokenText.offsetByCodePoints(i, 1)) {
            if (tokenText.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Position(line, column);
    }

    private boolean hasCharacterAt(Position at) {
        int offset = 0;
        for (int line = 1; line < at.line(); line++) {
            offset = text.indexOf('\n', offset) + 1;
            if (offset == 0) {
                return false;
            }
        }
        for (int column = 1; column < at.column(); column++) {
            if (offset >= text.length() || text.charAt(offset) == '\n') {
                return false;
            }
            offset = text.offsetByCodePoints(offset, 1);
        }
        return offset < text.length() && text.charAt(offset) != '\n' && text.charAt(offset) != '\r';
    }
}
