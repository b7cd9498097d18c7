package dev.irqtopo.compiler.ast;

import dev.irqtopo.model.ExpectedVerdict;
import java.util.Objects;

/** {@code expect isolated;} or {@code expect breach;}: the verdict the platform is meant to show. */
public record ExpectDecl(Pos at, Word<ExpectedVerdict> verdict) implements PlatformItem {

    public ExpectDecl {
        Objects.requireNonNull(at);
        Objects.requireNonNull(verdict);
    }
}
