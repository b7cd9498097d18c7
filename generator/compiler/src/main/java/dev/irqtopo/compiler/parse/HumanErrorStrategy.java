package dev.irqtopo.compiler.parse;

import dev.irqtopo.grammar.IrqtopoLexer;
import java.util.Optional;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.WritableToken;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * ANTLR's recovery, with messages phrased for people: every syntax error says what was expected at the
 * offending token ("expected ';'") instead of ANTLR's "mismatched input … expecting …". On top of that:
 * a keyword in upper case or misspelled is read as the keyword meant, after one diagnostic that names it
 * ({@link KeywordRepair}); a unit after a number gives the plain number ({@link UnitSuffix}); the end of
 * the file inside a block names the block ({@link UnclosedBlock}); and a {@code ';'} missing at the end
 * of a line is reported right after the token it should follow, not at the next line's first token.
 */
final class HumanErrorStrategy extends DefaultErrorStrategy {

    private final SyntaxErrors errors;

    HumanErrorStrategy(SyntaxErrors errors) {
        this.errors = errors;
    }

    @Override
    public void sync(Parser recognizer) throws RecognitionException {
        if (!inErrorRecoveryMode(recognizer) && repaired(recognizer)) {
            return;
        }
        super.sync(recognizer);
    }

    @Override
    public Token recoverInline(Parser recognizer) throws RecognitionException {
        if (!inErrorRecoveryMode(recognizer) && repaired(recognizer)) {
            Token keyword = recognizer.getCurrentToken();
            recognizer.consume();
            return keyword;
        }
        return super.recoverInline(recognizer);
    }

    /** Reads the current token as the keyword it was meant to be, when that is clear, after saying so. */
    private boolean repaired(Parser recognizer) {
        Token token = recognizer.getCurrentToken();
        if (token.getType() != IrqtopoLexer.NAME || !(token instanceof WritableToken writable)) {
            return false;
        }
        IntervalSet expected = recognizer.getExpectedTokens();
        if (expected.contains(IrqtopoLexer.NAME) || UnitSuffix.message(token, recognizer.getInputStream()).isPresent()) {
            return false;
        }
        Optional<KeywordRepair> repair = KeywordRepair.of(token, expected);
        repair.ifPresent(r -> {
            errors.add(token.getLine(), token.getCharPositionInLine() + 1, r.message());
            writable.setType(r.type());
        });
        return repair.isPresent();
    }

    @Override
    protected void reportNoViableAlternative(Parser recognizer, NoViableAltException e) {
        report(recognizer, e.getOffendingToken(), e.getExpectedTokens());
    }

    @Override
    protected void reportInputMismatch(Parser recognizer, InputMismatchException e) {
        report(recognizer, e.getOffendingToken(), e.getExpectedTokens());
    }

    @Override
    protected void reportFailedPredicate(Parser recognizer, FailedPredicateException e) {
        Token offending = e.getOffendingToken();
        errors.add(offending.getLine(), offending.getCharPositionInLine() + 1, "unexpected input");
    }

    @Override
    protected void reportUnwantedToken(Parser recognizer) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        report(recognizer, recognizer.getCurrentToken(), getExpectedTokens(recognizer));
    }

    @Override
    protected void reportMissingToken(Parser recognizer) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        report(recognizer, recognizer.getCurrentToken(), getExpectedTokens(recognizer));
    }

    private void report(Parser recognizer, Token offending, IntervalSet expected) {
        TokenStream tokens = recognizer.getInputStream();
        int line = offending.getLine();
        int column = offending.getCharPositionInLine() + 1;
        Optional<String> special = UnitSuffix.message(offending, tokens);
        if (special.isEmpty() && offending.getType() == Token.EOF && expected.contains(IrqtopoLexer.RBRACE)) {
            special = UnclosedBlock.message(recognizer.getContext());
        }
        if (special.isEmpty() && expected.contains(IrqtopoLexer.SEMI)) {
            Optional<Token> previous = previous(tokens, offending);
            if (previous.isPresent() && previous.get().getLine() < line) {
                line = previous.get().getLine();
                column = previous.get().getCharPositionInLine() + 1
                        + previous.get().getText().codePointCount(0, previous.get().getText().length());
            }
        }
        errors.add(line, column, special.orElseGet(() -> ExpectedTokens.describe(expected)));
    }

    /** The token before {@code token} that the parser read, if any. */
    private static Optional<Token> previous(TokenStream tokens, Token token) {
        for (int i = token.getTokenIndex() - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
