package dev.irqtopo.compiler;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to generate Java from.
 *
 * @param sources       the {@code .irqtopo} files, in the order their diagnostics are reported
 * @param packageName   the Java package for files without a {@code package} line; a valid one (see
 *                      {@link PackageNames#problem})
 * @param failOnWarning whether a warning stops generation as an error would
 */
public record GenerateRequest(List<SourceFile> sources, Optional<String> packageName, boolean failOnWarning) {

    public GenerateRequest {
        sources = List.copyOf(sources);
        Objects.requireNonNull(packageName);
        packageName.flatMap(PackageNames::problem).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    /** Generate from these files, with their own package lines only, warnings allowed. */
    public static GenerateRequest of(SourceFile... sources) {
        return new GenerateRequest(List.of(sources), Optional.empty(), false);
    }
}
