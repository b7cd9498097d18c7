package dev.irqtopo.compiler.ast;

import java.util.List;
import java.util.stream.Collectors;

/** {@code package a.b.c;}: its parts may be any word, keywords of the language included. */
public record PackageDecl(List<Name> parts) {

    public PackageDecl {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a package has at least one part");
        }
    }

    /** The dotted Java package name. */
    public String qualifiedName() {
        return parts.stream().map(Name::text).collect(Collectors.joining("."));
    }
}
