package dev.irqtopo.compiler.ast;

import java.util.Objects;

/** A choice among keywords ({@code xapic}, {@code ims queue}, …) and where it was written. */
public record Word<T>(T value, Pos pos) {

    public Word {
        Objects.requireNonNull(value);
        Objects.requireNonNull(pos);
    }
}
