package dev.irqtopo.samples;

import dev.irqtopo.compiler.CompileRequest;
import dev.irqtopo.compiler.Compiler;
import dev.irqtopo.compiler.SourceResult;
import dev.irqtopo.compiler.Sources;
import dev.irqtopo.compiler.UnreadableSourceException;
import dev.irqtopo.model.PlatformDesign;
import java.nio.file.Path;

/** The sample platforms, read from {@code src/main/irqtopo} and checked. */
final class SampleFiles {

    static final Path DIRECTORY = Path.of("src", "main", "irqtopo");

    private SampleFiles() {
    }

    static SourceResult check(String name) {
        try {
            return Compiler.compile(CompileRequest.check(Sources.read(DIRECTORY.resolve(name + ".irqtopo"))))
                    .sources().get(0);
        } catch (UnreadableSourceException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The one platform a sample declares; the sample must have no errors. */
    static PlatformDesign platform(String name) {
        SourceResult result = check(name);
        if (result.hasErrors() || result.designs().size() != 1) {
            throw new IllegalStateException(name + " does not check cleanly: " + result.diagnostics());
        }
        return result.designs().get(0);
    }
}
