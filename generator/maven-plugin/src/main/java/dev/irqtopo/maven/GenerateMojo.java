package dev.irqtopo.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Generates typed Java from the project's {@code .irqtopo} files and adds it to the main sources.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractIrqtopoMojo {

    /** Where the {@code .irqtopo} files are, searched recursively. */
    @Parameter(defaultValue = "${basedir}/src/main/irqtopo", required = true)
    File sourceDirectory;

    /** Where the Java sources go. irqtopo owns this directory: files no input produces are removed. */
    @Parameter(defaultValue = "${project.build.directory}/generated-sources/irqtopo", required = true)
    File outputDirectory;

    @Override
    SourceRoot root() {
        return SourceRoot.MAIN;
    }

    @Override
    File sourceDirectory() {
        return sourceDirectory;
    }

    @Override
    File outputDirectory() {
        return outputDirectory;
    }
}
