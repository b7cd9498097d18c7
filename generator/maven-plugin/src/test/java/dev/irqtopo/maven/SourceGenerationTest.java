package dev.irqtopo.maven;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One goal run outside Maven: inputs, the up-to-date check, diagnostics, verification, outputs. */
class SourceGenerationTest {

    private static final String PLATFORM = "package dev.t;\nplatform T {\n    cpu x86 { cpus 2; }\n"
            + "    bus pci0 { device nic 01:00.0 { msix 4; } }\n    host { stack nic.msix: vector -> msix; }\n}\n";
    private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

    @TempDir
    Path base;

    private Path sources;
    private Path output;
    private RecordingLog log;

    @BeforeEach
    void setUp() throws IOException {
        sources = Files.createDirectories(base.resolve("src/main/irqtopo"));
        output = base.resolve("target/generated-sources/irqtopo");
        log = new RecordingLog();
    }

    private PluginRequest request(Optional<String> packageName, boolean failOnWarning, boolean verify) {
        return new PluginRequest(SourceRoot.MAIN, sources, output, packageName, failOnWarning, verify,
                base.resolve("target/irqtopo-maven-plugin/generate.state"));
    }

    private SourceGeneration.Outcome run() throws Exception {
        return SourceGeneration.run(request(Optional.empty(), false, false), log);
    }

    private Path source(String relative, String text) throws IOException {
        Path file = sources.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void generatesEveryFileUnderTheSourceDirectory() throws Exception {
        source("t.irqtopo", PLATFORM);
        source("deeper/u.irqtopo", PLATFORM.replace("platform T", "platform U"));
        source("notes.txt", "not an input");
        SourceGeneration.Outcome outcome = run();
        assertThat(outcome.upToDate()).isFalse();
        assertThat(outcome.sources()).isEqualTo(2);
        assertThat(outcome.sync().written()).containsExactly("dev/t/T.java", "dev/t/U.java").inOrder();
        assertThat(Files.readString(output.resolve("dev/t/T.java"))).contains("public final class T {");
        assertThat(log.at("INFO")).containsExactly("irqtopo: generated 2 sources from 2 files into " + output
                + " (2 written, 0 unchanged, 0 deleted)");
    }

    @Test
    void aSecondRunWithoutChangesDoesNothing() throws Exception {
        source("t.irqtopo", PLATFORM);
        run();
        Files.setLastModifiedTime(output.resolve("dev/t/T.java"), LONG_AGO);
        SourceGeneration.Outcome again = run();
        assertThat(again.upToDate()).isTrue();
        assertThat(Files.getLastModifiedTime(output.resolve("dev/t/T.java"))).isEqualTo(LONG_AGO);
        assertThat(log.at("INFO").get(1)).isEqualTo("irqtopo: 1 file in " + sources
                + " unchanged since the last run: nothing to generate");
    }

    @Test
    void anyChangeOfInputsParametersOrOutputsRegenerates() throws Exception {
        source("t.irqtopo", PLATFORM);
        run();
        source("t.irqtopo", PLATFORM.replace("cpus 2", "cpus 4"));
        assertThat(run().upToDate()).isFalse();
        assertThat(run().upToDate()).isTrue();

        assertThat(SourceGeneration.run(request(Optional.of("dev.other"), false, false), log).upToDate()).isFalse();
        assertThat(run().upToDate()).isFalse();

        Files.writeString(output.resolve("dev/t/T.java"), "// edited by hand");
        SourceGeneration.Outcome repaired = run();
        assertThat(repaired.upToDate()).isFalse();
        assertThat(repaired.sync().written()).containsExactly("dev/t/T.java");
        Files.delete(output.resolve("dev/t/T.java"));
        assertThat(run().upToDate()).isFalse();
        assertThat(Files.exists(output.resolve("dev/t/T.java"))).isTrue();
    }

    @Test
    void sourcesNoInputProducesAnyMoreAreRemoved() throws Exception {
        Path input = source("t.irqtopo", PLATFORM);
        run();
        Files.writeString(input, PLATFORM.replace("platform T", "platform Renamed"));
        SourceGeneration.Outcome renamed = run();
        assertThat(renamed.sync().deleted()).containsExactly("dev/t/T.java");
        Files.delete(input);
        SourceGeneration.Outcome none = run();
        assertThat(none.sources()).isEqualTo(0);
        assertThat(none.sync().deleted()).containsExactly("dev/t/Renamed.java");
        assertThat(Files.exists(output.resolve("dev"))).isFalse();
    }

    @Test
    void errorsFailTheBuildWithFileLineColumnAndWriteNothing() throws Exception {
        Path bad = source("bad.irqtopo", "package dev.t;\nplatform Bad {\n    cpu x86 { cpus 0; }\n}\n");
        MojoFailureException e = assertThrows(MojoFailureException.class, this::run);
        assertThat(e).hasMessageThat().isEqualTo("irqtopo: 1 error in " + sources + "; see the messages above");
        assertThat(log.at("ERROR")).hasSize(1);
        assertThat(log.at("ERROR").get(0)).startsWith(bad + ":3:20: error: ");
        assertThat(log.at("ERROR").get(0)).endsWith("[IRQ020]");
        assertThat(Files.exists(output)).isFalse();
        assertThat(Files.exists(base.resolve("target/irqtopo-maven-plugin/generate.state"))).isFalse();
    }

    @Test
    void warningsAreLoggedAndFailTheBuildOnlyWhenAsked() throws Exception {
        source("w.irqtopo", "package dev.w;\nplatform W {\n    cpu x86 { cpus 2; }\n    iommu vtd dmar0 { }\n"
                + "    bus pci0 { device nic 01:00.0 { msix 4; } }\n    host { stack nic.msix: vector -> msix; }\n}\n");
        run();
        assertThat(log.at("WARN")).hasSize(1);
        assertThat(log.at("WARN").get(0)).contains("w.irqtopo:6:12: warning: ");
        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> SourceGeneration.run(request(Optional.empty(), true, false), log));
        assertThat(e).hasMessageThat().contains("1 warning in ");
        assertThat(e).hasMessageThat().contains("and failOnWarning is set");
    }

    @Test
    void thePackageParameterServesFilesWithoutOne() throws Exception {
        source("p.irqtopo", "platform P { cpu x86 { cpus 1; } }\n");
        assertThrows(MojoFailureException.class, this::run);
        assertThat(log.at("ERROR").get(0)).contains("[IRQ050]");
        SourceGeneration.run(request(Optional.of("org.example"), false, false), log);
        assertThat(Files.exists(output.resolve("org/example/P.java"))).isTrue();
    }

    @Test
    void verifyFailsOnAnUnexpectedBreachWithItsCounterexample() throws Exception {
        source("b.irqtopo", "package dev.b;\nplatform Leaky {\n    cpu x86 { cpus 2; }\n    hypervisor kvm { }\n"
                + "    bus pci0 { device nic 01:00.0 { msix 4; } device vf 01:00.1 { ims queue 4; } }\n"
                + "    host { stack nic.msix: vector -> msix; }\n    guest vm0 { cpus 1; assign vf; }\n}\n");
        assertThat(run().upToDate()).isFalse();
        Files.delete(base.resolve("target/irqtopo-maven-plugin/generate.state"));
        deleteTree(output);
        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> SourceGeneration.run(request(Optional.empty(), false, true), log));
        assertThat(e).hasMessageThat().isEqualTo("irqtopo: platform Leaky: BREACH, but isolated expected (1 finding):"
                + " vm0 reaches the host through vf's DMA with 0x00000000fee00000 0x00000000 from requester id 01:00.1"
                + " (class no-remapping)");
        assertThat(log.at("ERROR")).contains("platform Leaky: BREACH, but isolated expected (1 finding)");
        assertThat(String.join("\n", log.at("ERROR"))).contains("  vm0 reaches the host through vf's ");
        assertThat(String.join("\n", log.at("ERROR"))).contains("from requester id 01:00.1");
        assertThat(Files.exists(output)).isFalse();
    }

    @Test
    void verifyPassesABreachThePlatformExpects() throws Exception {
        source("b.irqtopo", "package dev.b;\nplatform Leaky {\n    expect breach;\n    cpu x86 { cpus 2; }\n"
                + "    hypervisor kvm { }\n"
                + "    bus pci0 { device nic 01:00.0 { msix 4; } device vf 01:00.1 { ims queue 4; } }\n"
                + "    host { stack nic.msix: vector -> msix; }\n    guest vm0 { cpus 1; assign vf; }\n}\n");
        SourceGeneration.run(request(Optional.empty(), false, true), log);
        assertThat(log.at("ERROR")).isEmpty();
        assertThat(log.at("INFO")).contains("irqtopo: platform Leaky: BREACH, as expected (1 finding)");
        assertThat(Files.exists(output.resolve("dev/b/Leaky.java"))).isTrue();
    }

    @Test
    void verifyFailsWhereAnExpectedBreachIsMissing() throws Exception {
        source("t.irqtopo", PLATFORM.replace("platform T {\n", "platform T {\n    expect breach;\n"));
        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> SourceGeneration.run(request(Optional.empty(), false, true), log));
        assertThat(e).hasMessageThat().isEqualTo(
                "irqtopo: platform T: isolated, but breach expected: no guest reaches an interrupt it does not own");
        assertThat(Files.exists(output)).isFalse();
    }

    @Test
    void verifyPassesAnIsolatedPlatform() throws Exception {
        source("t.irqtopo", PLATFORM);
        SourceGeneration.run(request(Optional.empty(), false, true), log);
        assertThat(log.at("INFO")).contains("irqtopo: 1 platform verified: every guest is isolated");
    }

    @Test
    void aFileThatIsNotTextFailsTheBuild() throws Exception {
        Files.write(sources.resolve("binary.irqtopo"), new byte[] {'p', 0, (byte) 0xff});
        MojoFailureException e = assertThrows(MojoFailureException.class, this::run);
        assertThat(e).hasMessageThat().contains("binary.irqtopo: binary file");
    }

    @Test
    void aMissingSourceDirectoryIsNothingToDo() throws Exception {
        Files.delete(sources);
        SourceGeneration.Outcome outcome = run();
        assertThat(outcome.sources()).isEqualTo(0);
        assertThat(log.at("INFO").get(0)).isEqualTo("irqtopo: no directory " + sources + ": nothing to generate from");
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void writesTheSarifLogOnRequestBeforeFailingOnAnError() throws Exception {
        source("t.irqtopo", PLATFORM.replace("stack nic.msix", "stack nci.msix"));
        Path sarif = base.resolve("target/irqtopo.sarif");
        PluginRequest request = request(Optional.empty(), false, false).withSarif(new SarifOutput(sarif, base));
        assertThrows(MojoFailureException.class, () -> SourceGeneration.run(request, log));
        String log = Files.readString(sarif);
        assertThat(log).contains("\"version\": \"2.1.0\"");
        assertThat(log).contains("\"ruleId\": \"IRQ011\"");
        assertThat(log).contains("{\"uri\": \"src/main/irqtopo/t.irqtopo\", \"uriBaseId\": \"%SRCROOT%\"}");
        assertThat(log).contains("\"region\": {\"startLine\": 5, \"startColumn\": 18, \"endLine\": 5, \"endColumn\": 21}");
    }

    @Test
    void aSarifLogThatIsMissingIsWrittenAgainThoughNothingChanged() throws Exception {
        source("t.irqtopo", PLATFORM);
        Path sarif = base.resolve("target/irqtopo.sarif");
        PluginRequest request = request(Optional.empty(), false, false).withSarif(new SarifOutput(sarif, base));
        assertThat(SourceGeneration.run(request, log).upToDate()).isFalse();
        assertThat(Files.readString(sarif)).contains("\"results\": []");
        assertThat(SourceGeneration.run(request, log).upToDate()).isTrue();
        Files.delete(sarif);
        assertThat(SourceGeneration.run(request, log).upToDate()).isFalse();
        assertThat(Files.exists(sarif)).isTrue();
    }

    @Test
    void withoutTheParameterNoSarifLogIsWritten() throws Exception {
        source("t.irqtopo", PLATFORM);
        run();
        try (var files = Files.walk(base)) {
            assertThat(files.filter(f -> f.toString().endsWith(".sarif")).toList()).isEmpty();
        }
    }
}
