package dev.irqtopo.compiler;

import java.util.Objects;
import java.util.Optional;

/**
 * What to check.
 *
 * @param defaultPackage the Java package for a file without a {@code package} line (the build tool's
 *                       setting); without either, platforms get the package {@code ""}
 */
public record CheckRequest(SourceFile source, Optional<String> defaultPackage) {

    public CheckRequest {
        Objects.requireNonNull(source);
        Objects.requireNonNull(defaultPackage);
    }

    /** A request without a default package. */
    public static CheckRequest of(SourceFile source) {
        return new CheckRequest(source, Optional.empty());
    }
}
