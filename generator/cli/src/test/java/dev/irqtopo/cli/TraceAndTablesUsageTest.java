package dev.irqtopo.cli;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.compiler.TestSources;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@code trace} and {@code tables} do with input they cannot use: each usage mistake is one line
 * on standard error naming it and exit 2, a file with errors gives its diagnostics and exit 1, and
 * neither prints a report or a stack trace.
 */
class TraceAndTablesUsageTest {

    /** Platform A declares device a and IOMMU dmar0; platform B device b and no IOMMU. */
    private static final String TWO_PLATFORMS = """
            platform A { cpu x86 { cpus 1; } iommu vtd dmar0 { } bus pci0 { device a 01:00.0 { msix 1; } } }
            platform B { cpu x86 { cpus 1; } bus pci0 { device b 01:00.0 { msix 1; } } }
            """;

    @TempDir
    Path dir;

    private static String sample() {
        return TestSources.resource("samples/ims-in-guest.irqtopo").toString();
    }

    private Path twoPlatforms() throws Exception {
        return Files.writeString(dir.resolve("two.irqtopo"), TWO_PLATFORMS);
    }

    /** Exit 2, nothing on standard output, and exactly {@code line} on standard error. */
    private static void assertUsage(CommandRun run, String line) {
        assertThat(run.exit()).isEqualTo(IrqtopoCommand.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("irqtopo: " + line + "\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "fee00018           | expected ADDRESS:DATA, two hex numbers separated by ':' (as in 0xfee00018:0x0)",
        "fee00018:          | expected ADDRESS:DATA, two hex numbers separated by ':' (as in 0xfee00018:0x0)",
        "fee00018:0:0       | expected ADDRESS:DATA, two hex numbers separated by ':' (as in 0xfee00018:0x0)",
        "0xfee0g018:0       | expected ADDRESS:DATA, two hex numbers separated by ':' (as in 0xfee00018:0x0)",
        "-1:0               | expected ADDRESS:DATA, two hex numbers separated by ':' (as in 0xfee00018:0x0)",
        "0x:0               | expected ADDRESS:DATA, two hex numbers separated by ':' (as in 0xfee00018:0x0)",
        "1fee00000fee00018:0 | address 0x1fee00000fee00018 is wider than 64 bits",
        "fee00018:100000000 | data 0x100000000 is wider than 32 bits",
    })
    void aMalformedMessageExitsTwo(String message, String problem) {
        CommandRun run = CommandRun.of("trace", sample(), "--device", "nicvf", "--message", message);
        assertUsage(run, "--message '" + message + "': " + problem);
    }

    @Test
    void leadingZerosDoNotMakeANumberTooWide() {
        CommandRun run = CommandRun.of("trace", sample(), "--device", "nicvf", "--message",
                "0x0000000000000000000fee00018:0X000000000");
        assertThat(run.exit()).isEqualTo(IrqtopoCommand.OK);
        assertThat(run.out()).startsWith("platform ImsInGuest: nicvf emits 0x00000000fee00018 0x00000000\n");
    }

    @Test
    void anUnknownDeviceExitsTwo() throws Exception {
        assertUsage(CommandRun.of("trace", sample(), "--device", "nope", "--message", "0:0"),
                "platform ImsInGuest declares no device nope (it declares nic, nicvf)");
        assertUsage(CommandRun.of("trace", twoPlatforms().toString(), "--device", "c", "--message", "0:0"),
                "no platform of two.irqtopo declares device c");
    }

    @Test
    void aDeviceOfAnotherPlatformThanTheSelectedOneExitsTwo() throws Exception {
        assertUsage(CommandRun.of("trace", twoPlatforms().toString(), "--platform", "B", "--device", "a", "--message", "0:0"),
                "device a is declared on platform A, not on B");
    }

    @Test
    void withoutPlatformATraceRunsOnEachPlatformThatDeclaresTheDevice() throws Exception {
        CommandRun run = CommandRun.of("trace", twoPlatforms().toString(), "--device", "b", "--message", "0:0", "--json");
        assertThat(run.exit()).isEqualTo(IrqtopoCommand.OK);
        assertThat(run.out()).contains("\"platform\": \"B\"");
        assertThat(run.out()).doesNotContain("\"platform\": \"A\"");
    }

    @Test
    void anUnknownIommuExitsTwo() throws Exception {
        assertUsage(CommandRun.of("tables", sample(), "--iommu", "dmar9"),
                "platform ImsInGuest declares no IOMMU dmar9 (it declares dmar0)");
        assertUsage(CommandRun.of("tables", twoPlatforms().toString(), "--iommu", "dmar9"),
                "no platform of two.irqtopo declares IOMMU dmar9");
        assertUsage(CommandRun.of("tables", twoPlatforms().toString(), "--platform", "B", "--iommu", "dmar0"),
                "IOMMU dmar0 is declared on platform A, not on B");
        assertUsage(CommandRun.of("tables", twoPlatforms().toString(), "--platform", "B", "--iommu", "x"),
                "platform B declares no IOMMU x (it declares none)");
    }

    @Test
    void aMissingOptionIsAUsageError() {
        CommandRun run = CommandRun.of("trace", sample(), "--message", "0:0");
        assertThat(run.exit()).isEqualTo(IrqtopoCommand.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("irqtopo: Missing required option: '--device=D'\n");
    }

    @Test
    void aFileWithErrorsExitsOneWithItsDiagnostics() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.irqtopo"), "platform P { cpu x86 { cpus 0; } }\n");
        for (String[] args : new String[][] {
            {"trace", bad.toString(), "--device", "d", "--message", "0:0"},
            {"trace", bad.toString(), "--device", "d", "--message", "0:0", "--json"},
            {"tables", bad.toString()},
            {"tables", bad.toString(), "--iommu", "dmar0", "--json"}}) {
            CommandRun run = CommandRun.of(args);
            assertThat(run.exit()).isEqualTo(IrqtopoCommand.INPUT_ERRORS);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("bad.irqtopo:1:29: error:");
            assertThat(run.err()).doesNotContain("Exception");
        }
    }

    @Test
    void aFileThatCannotBeReadExitsTwo() {
        for (String command : new String[] {"trace", "tables"}) {
            CommandRun run = command.equals("trace")
                    ? CommandRun.of(command, dir.resolve("absent.irqtopo").toString(), "--device", "d", "--message", "0:0")
                    : CommandRun.of(command, dir.resolve("absent.irqtopo").toString());
            assertThat(run.exit()).isEqualTo(IrqtopoCommand.USAGE);
            assertThat(run.err()).contains("cannot read");
            assertThat(run.err().lines().count()).isEqualTo(1);
        }
    }

    @Test
    void bothCommandsHaveHelp() {
        assertThat(CommandRun.of("trace", "--help").out()).contains("Usage: irqtopo trace");
        assertThat(CommandRun.of("tables", "--help").out()).contains("Usage: irqtopo tables");
        assertThat(CommandRun.of("--help").out()).containsMatch("(?m)^\\s+trace\\s");
        assertThat(CommandRun.of("--help").out()).containsMatch("(?m)^\\s+tables\\s");
    }
}
