package dev.irqtopo.compiler;

import dev.irqtopo.compiler.diag.Position;
import java.util.Objects;

/**
 * Bytes of a source file that are not UTF-8, where they are: the text has one U+FFFD in their place, and
 * the file is still parsed and checked around them.
 *
 * @param at    the replacement character's line and column in the decoded text
 * @param bytes the bytes as written in the message, {@code 0xE9} or {@code 0xE2 0x82}
 */
public record EncodingError(Position at, String bytes) {

    public EncodingError {
        Objects.requireNonNull(at);
        Objects.requireNonNull(bytes);
    }
}
