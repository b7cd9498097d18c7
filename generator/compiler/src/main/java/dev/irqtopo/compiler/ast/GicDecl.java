package dev.irqtopo.compiler.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code gic v3 { its … v2m … }} or {@code gic v4 { … }} (arm64): the interrupt controller and the MSI
 * controllers it offers devices, in source order.
 *
 * @param version 3 or 4, where the word stands
 */
public record GicDecl(Pos at, Word<Integer> version, List<MsiControllerDecl> controllers) implements PlatformItem {

    public GicDecl {
        Objects.requireNonNull(at);
        Objects.requireNonNull(version);
        controllers = List.copyOf(controllers);
    }
}
