package dev.irqtopo.maven;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a goal writes its diagnostics as a SARIF 2.1.0 log, for CI code scanning.
 *
 * @param file          the log, written on every run that compiles, before a failure is reported
 * @param baseDirectory files under it are named by their path relative to it (the directory the build
 *                      was started in, which on CI is the checked-out repository)
 */
record SarifOutput(Path file, Path baseDirectory) {

    SarifOutput {
        Objects.requireNonNull(file);
        Objects.requireNonNull(baseDirectory);
    }
}
