package dev.irqtopo.maven;

import dev.irqtopo.compiler.CompileRequest;
import dev.irqtopo.compiler.CompileResult;
import dev.irqtopo.compiler.Compiler;
import dev.irqtopo.compiler.DiagnosticReports;
import dev.irqtopo.compiler.SourceFile;
import dev.irqtopo.compiler.Sources;
import dev.irqtopo.compiler.UnreadableSourceException;
import dev.irqtopo.compiler.diag.Diagnostic;
import dev.irqtopo.compiler.output.GeneratedFile;
import dev.irqtopo.compiler.output.SourceSync;
import dev.irqtopo.compiler.output.SyncReport;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.runtime.isolation.IsolationReport;
import dev.irqtopo.runtime.isolation.Verification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * One run of a goal: find the {@code .irqtopo} files, stop early when nothing changed since the last
 * successful run, else generate through the compiler's facade, log every diagnostic as
 * {@code FILE:LINE:COL: …} (which IDEs turn into links) and, on request, write them as a SARIF log,
 * optionally verify that each platform's
 * isolation verdict is the one it expects, and write only what changed. Mistakes in the input fail the build ({@link MojoFailureException}); anything else
 * that goes wrong is reported as an error of the plugin ({@link MojoExecutionException}).
 */
final class SourceGeneration {

    static final String EXTENSION = ".irqtopo";

    /** What a run did. */
    record Outcome(boolean upToDate, int sources, SyncReport sync) {
    }

    private final PluginRequest request;
    private final Log log;

    private SourceGeneration(PluginRequest request, Log log) {
        this.request = request;
        this.log = log;
    }

    static Outcome run(PluginRequest request, Log log) throws MojoFailureException, MojoExecutionException {
        try {
            return new SourceGeneration(request, log).run();
        } catch (IOException e) {
            throw new MojoExecutionException("irqtopo: " + e.getMessage(), e);
        }
    }

    private Outcome run() throws IOException, MojoFailureException {
        List<Path> files = inputs();
        List<BuildState.Input> inputs = new ArrayList<>();
        for (Path file : files) {
            inputs.add(new BuildState.Input(relative(request.sourceDirectory(), file), Files.readAllBytes(file)));
        }
        String digest = BuildState.inputsDigest(PluginIdentity.describe(), request, inputs);
        Optional<BuildState> last = BuildState.read(request.stateFile());
        boolean sarifWritten = request.sarif().map(o -> Files.isRegularFile(o.file())).orElse(true);
        if (last.isPresent() && last.get().matches(digest, request.outputDirectory()) && sarifWritten) {
            log.info("irqtopo: " + count(files.size(), "file") + " in " + request.sourceDirectory()
                    + " unchanged since the last run: nothing to generate");
            return new Outcome(true, files.size(), new SyncReport(List.of(), List.of(), List.of()));
        }
        Files.deleteIfExists(request.stateFile());

        List<SourceFile> sources = new ArrayList<>();
        for (Path file : files) {
            try {
                sources.add(Sources.read(file));
            } catch (UnreadableSourceException e) {
                throw new MojoFailureException("irqtopo: " + e.getMessage());
            }
        }
        CompileResult result = Compiler.compile(CompileRequest.generate(sources).withPackage(request.packageName())
                .withFailOnWarning(request.failOnWarning()));
        logDiagnostics(result.diagnostics());
        if (request.sarif().isPresent()) {
            writeSarif(request.sarif().get(), result);
        }
        if (result.hasErrors()) {
            long errors = result.diagnostics().stream().filter(Diagnostic::isError).count();
            throw new MojoFailureException("irqtopo: " + (errors > 0
                    ? count((int) errors, "error") + " in " + request.sourceDirectory()
                    : count(result.diagnostics().size(), "warning") + " in " + request.sourceDirectory()
                            + ", and failOnWarning is set") + "; see the messages above");
        }
        if (request.verify()) {
            verify(result);
        }
        SyncReport sync = SourceSync.update(request.outputDirectory(), result.files(), true);
        state(digest, result.files()).write(request.stateFile());
        log.info("irqtopo: generated " + count(result.files().size(), "source") + " from "
                + count(files.size(), "file") + " into " + request.outputDirectory() + " ("
                + sync.written().size() + " written, "
                + sync.unchanged().size() + " unchanged, " + sync.deleted().size() + " deleted)");
        return new Outcome(false, files.size(), sync);
    }

    /** Every {@code .irqtopo} file under the source directory, in path order; none if it does not exist. */
    private List<Path> inputs() throws IOException {
        Path dir = request.sourceDirectory();
        if (!Files.isDirectory(dir)) {
            log.info("irqtopo: no directory " + dir + ": nothing to generate from");
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(EXTENSION) && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        }
    }

    private void logDiagnostics(List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            if (d.isError()) {
                log.error(d.headline());
            } else {
                log.warn(d.headline());
            }
        }
    }

    /** The diagnostics as a SARIF log, written whatever they are, so that CI shows them even when the build fails. */
    private void writeSarif(SarifOutput output, CompileResult result) throws IOException {
        Files.createDirectories(output.file().getParent());
        Files.writeString(output.file(), DiagnosticReports.sarif(result.sources(), PluginIdentity.version(),
                Optional.of(output.baseDirectory())), StandardCharsets.UTF_8);
        log.info("irqtopo: wrote " + count(result.diagnostics().size(), "diagnostic") + " as SARIF to " + output.file());
    }

    /** Runs the isolation analysis on every platform; a verdict other than the expected one fails the build. */
    private void verify(CompileResult result) throws MojoFailureException {
        List<IsolationReport> reports = new ArrayList<>();
        for (PlatformModel platform : result.platforms()) {
            reports.add(Verification.run(platform));
        }
        VerdictCheck.check(reports, log);
    }

    private static BuildState state(String digest, List<GeneratedFile> files) {
        Map<String, String> outputs = new HashMap<>();
        for (GeneratedFile file : files) {
            byte[] content = file.content().getBytes(StandardCharsets.UTF_8);
            outputs.put(file.relativePath(), BuildState.contentDigest(content));
        }
        return new BuildState(digest, outputs);
    }

    private static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
