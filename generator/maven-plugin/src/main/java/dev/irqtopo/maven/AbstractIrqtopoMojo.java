package dev.irqtopo.maven;

import dev.irqtopo.compiler.PackageNames;
import java.io.File;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What both goals share: the parameters of the tooling specification, and a thin {@code execute}:
 * skip first, copy the parameters into an immutable request, run, register the output directory as a
 * source root of the right kind.
 */
abstract class AbstractIrqtopoMojo extends AbstractMojo {

    /** The Java package for {@code .irqtopo} files without a {@code package} line. */
    @Parameter(property = "irqtopo.packageName")
    String packageName;

    /** Whether a warning fails the build as an error does. */
    @Parameter(property = "irqtopo.failOnWarning", defaultValue = "false")
    boolean failOnWarning;

    /** Whether to run the isolation analysis and fail the build, with a counterexample, on a breach. */
    @Parameter(property = "irqtopo.verify", defaultValue = "false")
    boolean verify;

    /**
     * Where to write the diagnostics as a SARIF 2.1.0 log for CI code scanning, e.g.
     * {@code ${project.build.directory}/irqtopo.sarif}; none by default. The log is written whenever the
     * files are compiled, before the build fails on an error, and names files relative to the directory
     * the build was started in.
     */
    @Parameter(property = "irqtopo.sarifFile")
    File sarifFile;

    /** Skips the goal. */
    @Parameter(property = "irqtopo.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    File buildDirectory;

    @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true)
    File executionRootDirectory;

    abstract SourceRoot root();

    abstract File sourceDirectory();

    abstract File outputDirectory();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("irqtopo: skipping " + root().goal() + " (irqtopo.skip)");
            return;
        }
        Optional<String> pkg = Optional.ofNullable(packageName).map(String::trim).filter(p -> !p.isEmpty());
        if (pkg.isPresent() && PackageNames.problem(pkg.get()).isPresent()) {
            throw new MojoFailureException("irqtopo: packageName: " + PackageNames.problem(pkg.get()).get());
        }
        PluginRequest request = new PluginRequest(root(), sourceDirectory().toPath().toAbsolutePath().normalize(),
                outputDirectory().toPath().toAbsolutePath().normalize(), pkg, failOnWarning, verify,
                buildDirectory.toPath().resolve("irqtopo-maven-plugin").resolve(root().goal() + ".state"));
        if (sarifFile != null) {
            File base = executionRootDirectory != null ? executionRootDirectory : project.getBasedir();
            request = request.withSarif(new SarifOutput(sarifFile.toPath().toAbsolutePath().normalize(),
                    base.toPath().toAbsolutePath().normalize()));
        }
        try {
            SourceGeneration.run(request, getLog());
        } catch (RuntimeException e) {
            throw new MojoExecutionException("irqtopo: internal error, please report it with the input that caused it",
                    e);
        }
        root().register(project, request.outputDirectory());
    }
}
