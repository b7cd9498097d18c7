package dev.irqtopo.compiler.ast;

import java.util.List;
import java.util.Objects;

/** {@code host { kernel …; stack … }}: the kernel on the bare hardware, its profile and its stacks. */
public record HostBlock(Pos at, List<KernelDecl> kernels, List<StackDecl> stacks) implements PlatformItem {

    public HostBlock {
        Objects.requireNonNull(at);
        kernels = List.copyOf(kernels);
        stacks = List.copyOf(stacks);
    }

    /** A host block without a {@code kernel} line. */
    public HostBlock(Pos at, List<StackDecl> stacks) {
        this(at, List.of(), stacks);
    }
}
