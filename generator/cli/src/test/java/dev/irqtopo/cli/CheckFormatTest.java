package dev.irqtopo.cli;

import static com.google.common.truth.Truth.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --format}: text stays as it was; json and sarif go to standard output with the same exit codes. */
class CheckFormatTest {

    private static final String BAD = "platform P {\n    cpu x86 { cpus 2 }\n}\n";
    private static final String WARNING = "platform P {\n    cpu x86 { cpus 2; }\n    iommu vtd dmar0 { }\n"
            + "    bus pci0 { device nic 01:00.0 { msix 4; } }\n    host { stack nic.msix: vector -> msix; }\n}\n";

    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void textIsTheDefault() throws Exception {
        Path bad = file("bad.irqtopo", BAD);
        assertThat(CommandRun.of("check", "--format", "text", bad.toString()))
                .isEqualTo(CommandRun.of("check", bad.toString()));
    }

    @Test
    void jsonListsEveryFilesDiagnosticsOnStandardOutput() throws Exception {
        Path bad = file("bad.irqtopo", BAD);
        Path warning = file("warn.irqtopo", WARNING);
        CommandRun run = CommandRun.of("check", "--format", "json", bad.toString(), warning.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("[\n  {\"file\": \"" + bad + "\", \"line\": 2, \"column\": 22, "
                + "\"end\": {\"line\": 2, \"column\": 23}, \"severity\": \"error\", \"code\": \"IRQ001\", "
                + "\"message\": \"expected ';'\"},\n  {\"file\": \"" + warning + "\", \"line\": 5, \"column\": 12, ");
        assertThat(run.out()).contains("\"severity\": \"warning\", \"code\": \"IRQ103\"");
        assertThat(run.out()).endsWith("}\n]\n");
    }

    @Test
    void warningsAloneExitZeroAndACleanFileGivesAnEmptyArray() throws Exception {
        assertThat(CommandRun.of("check", "--format", "json", file("w.irqtopo", WARNING).toString()).exit()).isEqualTo(0);
        CommandRun clean = CommandRun.of("check", "--format", "json", file("ok.irqtopo", "platform P { cpu x86 { cpus 1; } }").toString());
        assertThat(clean).isEqualTo(new CommandRun(0, "[]\n", ""));
    }

    @Test
    void sarifNamesTheToolAndItsVersion() throws Exception {
        CommandRun run = CommandRun.of("check", "--format", "sarif", file("bad.irqtopo", BAD).toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("\"version\": \"2.1.0\"");
        assertThat(run.out()).contains("\"driver\": {\n          \"name\": \"irqtopo\",\n          \"version\": \"0.1.0-SNAPSHOT\"");
        assertThat(run.out()).contains("\"ruleId\": \"IRQ001\"");
        assertThat(run.out()).contains("\"region\": {\"startLine\": 2, \"startColumn\": 22, \"endLine\": 2, \"endColumn\": 23}");
    }

    @Test
    void anUnreadableFileIsStillReportedOnStandardErrorWithExitTwo() throws Exception {
        Path missing = dir.resolve("missing.irqtopo");
        CommandRun run = CommandRun.of("check", "--format", "json", missing.toString(), file("bad.irqtopo", BAD).toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("irqtopo: cannot read " + missing + ": no such file\n");
        assertThat(run.out()).contains("\"code\": \"IRQ001\"");
    }

    @Test
    void anUnknownFormatIsAUsageError() throws Exception {
        CommandRun run = CommandRun.of("check", "--format", "xml", file("bad.irqtopo", BAD).toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--format");
    }

    @Test
    void aByteThatIsNotUtf8IsADiagnosticWhereItIsAndTheRestIsChecked() throws Exception {
        Path latin1 = Files.write(dir.resolve("latin1.irqtopo"),
                "platform P { // caf\u00e9\n    cpu x86 { }\n}\n".getBytes(StandardCharsets.ISO_8859_1));
        CommandRun run = CommandRun.of("check", latin1.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(latin1 + ":1:20: error: invalid UTF-8 byte 0xE9: an .irqtopo file is UTF-8 text [IRQ003]\n"
                + "platform P { // caf\uFFFD\n                   ^\n");
        assertThat(run.err()).contains(latin1 + ":1:10: error: the cpu block of platform P does not give 'cpus' [IRQ030]");
    }
}
