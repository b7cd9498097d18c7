package dev.irqtopo.fuzz;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.irqtopo.compiler.CompileRequest;
import dev.irqtopo.compiler.CompileResult;
import dev.irqtopo.compiler.Compiler;
import dev.irqtopo.compiler.SourceFile;
import dev.irqtopo.compiler.SourceResult;
import dev.irqtopo.compiler.diag.Diagnostic;
import dev.irqtopo.compiler.diag.GenerationCode;
import dev.irqtopo.compiler.naming.GeneratedNames;
import dev.irqtopo.compiler.output.GeneratedFile;
import dev.irqtopo.model.PlatformModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What must hold when a file that checked without errors goes on to generation, in memory: no exception;
 * the only new diagnostics are generation's own; without errors, one pure-ASCII Java source per platform,
 * in its package's directory and named for its class; and the same bytes each time.
 */
final class GenerationInvariants {

    /** The package given to the generator for files without a package line. */
    static final String DEFAULT_PACKAGE = "fuzz.generated";

    private GenerationInvariants() {
    }

    /** Generates from a source whose check had no errors, asserting every invariant. */
    static void generate(SourceFile source, SourceResult checked) {
        CompileRequest request = CompileRequest.generate(source).withPackage(Optional.of(DEFAULT_PACKAGE));
        CompileResult result = Compiler.compile(request);
        assertThat(result.sources()).hasSize(1);
        SourceResult generated = result.sources().get(0);
        FrontEndInvariants.assertPositioned(generated, source);

        List<Diagnostic> added = new ArrayList<>(generated.diagnostics());
        checked.diagnostics().forEach(d -> assertWithMessage("generation keeps the check's %s", d)
                .that(added.remove(d)).isTrue());
        for (Diagnostic d : added) {
            assertWithMessage("generation adds only its own diagnostics: %s", d)
                    .that(d.code()).isAnyOf(GenerationCode.IRQ050.name(), GenerationCode.IRQ051.name());
        }
        if (result.hasErrors()) {
            assertThat(added).isNotEmpty();
            assertThat(result.files()).isEmpty();
        } else {
            assertThat(added).isEmpty();
            assertFiles(generated.platforms(), result.files());
        }
        assertWithMessage("generated code is reproducible").that(Compiler.compile(request)).isEqualTo(result);
    }

    private static void assertFiles(List<PlatformModel> platforms, List<GeneratedFile> files) {
        assertThat(files).hasSize(platforms.size());
        List<String> expected = platforms.stream()
                .map(p -> p.javaPackage().replace('.', '/') + "/" + GeneratedNames.platformClass(p.name()) + ".java")
                .sorted()
                .toList();
        assertThat(files.stream().map(GeneratedFile::relativePath).toList()).isEqualTo(expected);
        for (PlatformModel platform : platforms) {
            String path = platform.javaPackage().replace('.', '/') + "/" + GeneratedNames.platformClass(platform.name())
                    + ".java";
            String content = files.stream().filter(f -> f.relativePath().equals(path)).findFirst().orElseThrow().content();
            assertThat(content).contains("package " + platform.javaPackage() + ";");
            assertThat(content).contains("class " + GeneratedNames.platformClass(platform.name()) + " ");
            assertWithMessage("%s is pure ASCII, so it compiles the same in any source encoding", path)
                    .that(content.chars().allMatch(c -> c < 0x80)).isTrue();
        }
    }
}
