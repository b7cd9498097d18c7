package dev.irqtopo.maven;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The effective parameters of one goal execution, copied out of the mojo so that the work is done on
 * an immutable value.
 *
 * @param sourceDirectory where the {@code .irqtopo} files are (searched recursively)
 * @param outputDirectory where the sources go; irqtopo owns it and removes files no input produces
 * @param stateFile       where the digest of the last successful run is kept, under {@code target/}
 * @param sarif           where to write the diagnostics as SARIF, if anywhere
 */
record PluginRequest(SourceRoot root, Path sourceDirectory, Path outputDirectory, Optional<String> packageName,
                     boolean failOnWarning, boolean verify, Path stateFile, Optional<SarifOutput> sarif) {

    /** A request that writes no SARIF log. */
    PluginRequest(SourceRoot root, Path sourceDirectory, Path outputDirectory, Optional<String> packageName,
            boolean failOnWarning, boolean verify, Path stateFile) {
        this(root, sourceDirectory, outputDirectory, packageName, failOnWarning, verify, stateFile, Optional.empty());
    }

    PluginRequest {
        Objects.requireNonNull(root);
        Objects.requireNonNull(sourceDirectory);
        Objects.requireNonNull(outputDirectory);
        Objects.requireNonNull(packageName);
        Objects.requireNonNull(stateFile);
        Objects.requireNonNull(sarif);
    }

    PluginRequest withSarif(SarifOutput output) {
        return new PluginRequest(root, sourceDirectory, outputDirectory, packageName, failOnWarning, verify, stateFile,
                Optional.of(output));
    }

    /** The parameters as text, one per line: what the up-to-date digest covers besides the inputs. */
    String describe() {
        return "goal=" + root.goal() + "\nsourceDirectory=" + sourceDirectory + "\noutputDirectory=" + outputDirectory
                + "\npackageName=" + packageName.orElse("") + "\nfailOnWarning=" + failOnWarning
                + "\nverify=" + verify + "\n"
                + sarif.map(o -> "sarifFile=" + o.file() + "\nsarifBase=" + o.baseDirectory() + "\n").orElse("");
    }
}
