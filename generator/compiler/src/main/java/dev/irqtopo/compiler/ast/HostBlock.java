package dev.irqtopo.compiler.ast;

import java.util.List;
import java.util.Objects;

/** {@code host { stack … }}: the kernel on the bare hardware. */
public record HostBlock(Pos at, List<StackDecl> stacks) implements PlatformItem {

    public HostBlock {
        Objects.requireNonNull(at);
        stacks = List.copyOf(stacks);
    }
}
