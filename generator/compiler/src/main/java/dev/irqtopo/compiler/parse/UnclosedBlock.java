package dev.irqtopo.compiler.parse;

import dev.irqtopo.grammar.IrqtopoLexer;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * The end of the file inside a block: the innermost block whose {@code '{'} the parser has read and
 * whose {@code '}'} it has not, named by its keyword and where it starts.
 */
final class UnclosedBlock {

    private UnclosedBlock() {
    }

    /** {@code the 'bus' block opened at 12:5 is not closed}, for the innermost open block around {@code context}. */
    static Optional<String> message(ParserRuleContext context) {
        for (ParserRuleContext c = context; c != null; c = c.getParent()) {
            if (has(c, IrqtopoLexer.LBRACE) && !has(c, IrqtopoLexer.RBRACE)) {
                Token start = c.getStart();
                return Optional.of("the '" + start.getText() + "' block opened at " + start.getLine() + ":"
                        + (start.getCharPositionInLine() + 1) + " is not closed");
            }
        }
        return Optional.empty();
    }

    private static boolean has(ParserRuleContext context, int type) {
        for (int i = 0; i < context.getChildCount(); i++) {
            ParseTree child = context.getChild(i);
            if (child instanceof TerminalNode node && node.getSymbol().getType() == type
                    && node.getSymbol().getTokenIndex() >= 0) {
                return true;
            }
        }
        return false;
    }
}
