package dev.irqtopo.compiler;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to compile, and how far: an immutable value that the command line, the Maven plugin and the tests
 * build and hand to {@link Compiler#compile}.
 *
 * @param goal          whether to stop after checking or go on to Java sources
 * @param sources       the {@code .irqtopo} files, in the order their results and diagnostics come back
 * @param packageName   the Java package for files without a {@code package} line; a usable one (see
 *                      {@link PackageNames#problem}); without either, a platform's package is {@code ""}
 * @param failOnWarning whether a warning fails the run as an error would
 */
public record CompileRequest(Goal goal, List<SourceFile> sources, Optional<String> packageName,
                             boolean failOnWarning) {

    /** How far to go. */
    public enum Goal {
        /** Parse, check and resolve each file on its own: diagnostics and platform models. */
        CHECK,
        /**
         * Check as a generation run (the rules that concern the Java code and the run's other files
         * included) and, when nothing failed, emit one Java source per platform.
         */
        GENERATE
    }

    public CompileRequest {
        Objects.requireNonNull(goal);
        sources = List.copyOf(sources);
        Objects.requireNonNull(packageName);
        // a package from outside the files is the caller's to validate; a bad one here is a bug
        packageName.flatMap(PackageNames::problem).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    /** Check these files, with their own package lines only, warnings allowed. */
    public static CompileRequest check(SourceFile... sources) {
        return new CompileRequest(Goal.CHECK, List.of(sources), Optional.empty(), false);
    }

    /** Generate from these files, with their own package lines only, warnings allowed. */
    public static CompileRequest generate(SourceFile... sources) {
        return generate(List.of(sources));
    }

    /** Generate from these files, with their own package lines only, warnings allowed. */
    public static CompileRequest generate(List<SourceFile> sources) {
        return new CompileRequest(Goal.GENERATE, sources, Optional.empty(), false);
    }

    /** This request with a package for the files without a package line, or none. */
    public CompileRequest withPackage(Optional<String> packageName) {
        return new CompileRequest(goal, sources, packageName, failOnWarning);
    }

    /** This request with warnings failing the run, or not. */
    public CompileRequest withFailOnWarning(boolean failOnWarning) {
        return new CompileRequest(goal, sources, packageName, failOnWarning);
    }
}
