package dev.irqtopo.compiler.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A parsed {@code .irqtopo} file: the optional package line and its platforms, in order. */
public record IrqtopoFile(Optional<PackageDecl> packageDecl, List<Platform> platforms) {

    public IrqtopoFile {
        Objects.requireNonNull(packageDecl);
        platforms = List.copyOf(platforms);
    }
}
