package dev.irqtopo.compiler.ast;

import java.util.Objects;

/**
 * A name as written, declared or referenced.
 *
 * @param keyword whether the token was one of the language's keywords (the grammar accepts them where a
 *                name belongs so that the checker can name the keyword)
 */
public record Name(String text, Pos pos, boolean keyword) {

    public Name {
        Objects.requireNonNull(text);
        Objects.requireNonNull(pos);
    }

    @Override
    public String toString() {
        return text;
    }
}
