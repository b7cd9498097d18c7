package dev.irqtopo.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Generates typed Java from the project's test {@code .irqtopo} files and adds it to the test sources.
 */
@Mojo(name = "test-generate", defaultPhase = LifecyclePhase.GENERATE_TEST_SOURCES, threadSafe = true)
public final class TestGenerateMojo extends AbstractIrqtopoMojo {

    /** Where the test {@code .irqtopo} files are, searched recursively. */
    @Parameter(defaultValue = "${basedir}/src/test/irqtopo", required = true)
    File sourceDirectory;

    /** Where the Java sources go. irqtopo owns this directory: files no input produces are removed. */
    @Parameter(defaultValue = "${project.build.directory}/generated-test-sources/irqtopo", required = true)
    File outputDirectory;

    @Override
    SourceRoot root() {
        return SourceRoot.TEST;
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
