package dev.irqtopo.cli;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in this process: exit codes, standard output and standard error. */
class IrqtopoCommandTest {

    @TempDir
    Path dir;

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void version() {
        CommandRun run = run("--version");
        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.out().trim()).isEqualTo("irqtopo 0.1.0-SNAPSHOT");
    }

    @Test
    void helpListsTheCommands() {
        CommandRun run = run("--help");
        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.out()).contains("Usage: irqtopo");
        assertThat(run.out()).containsMatch("(?m)^\\s+check\\s");
        assertThat(run("check", "--help").out()).contains("Usage: irqtopo check");
    }

    @Test
    void cleanFileExitsZeroSilently() throws Exception {
        Path ok = file("ok.irqtopo", "platform P { cpu x86 { cpus 1; } }\n");
        CommandRun run = run("check", ok.toString());
        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void warningsAloneExitZero() throws Exception {
        Path warn = file("warn.irqtopo", "platform P {\n    cpu x86 { cpus 2; }\n    iommu vtd dmar0 { }\n"
                + "    bus pci0 { device nic 01:00.0 { msix 4; } }\n    host { stack nic.msix: vector -> msix; }\n}\n");
        CommandRun run = run("check", warn.toString());
        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.err()).startsWith(warn + ":5:12: warning: ");
        assertThat(run.err()).endsWith("[IRQ103]\n    host { stack nic.msix: vector -> msix; }\n           ^\n");
    }

    @Test
    void errorsExitOneWithSourceLineAndCaret() throws Exception {
        Path bad = file("bad.irqtopo", "platform P {\n    cpu x86 { cpus 2 }\n}\n");
        CommandRun run = run("check", bad.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo(bad + ":2:22: error: expected ';' [IRQ001]\n"
                + "    cpu x86 { cpus 2 }\n"
                + "                     ^\n");
    }

    @Test
    void unreadableFilesExitTwoAndTheOthersAreStillChecked() throws Exception {
        Path bad = file("bad.irqtopo", "platform P { }\n");
        Path missing = dir.resolve("missing.irqtopo");
        CommandRun run = run("check", missing.toString(), dir.toString(), bad.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("irqtopo: cannot read " + missing + ": no such file\n");
        assertThat(run.err()).contains("irqtopo: cannot read " + dir + ": is a directory\n");
        assertThat(run.err()).contains(bad + ":1:10: error: ");
        assertThat(run.err()).contains("[IRQ030]");
    }

    @Test
    void usageErrorsExitTwoWithoutAStackTrace() {
        for (String[] args : new String[][] {{}, {"check"}, {"check", "--bogus", "x"}, {"frobnicate"}}) {
            CommandRun run = run(args);
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).startsWith("irqtopo: ");
            assertThat(run.err()).contains("Usage: irqtopo");
            assertThat(run.err()).doesNotContain("Exception");
            assertThat(run.err()).doesNotContain("\tat ");
        }
    }
}
