package dev.irqtopo.cli;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.compiler.TestSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the commands do with a file that declares arm64 platforms. */
class Arm64CommandsTest {

    private static String its() {
        return TestSources.resource("arm64/its.irqtopo").toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"explain", "dot", "tables"})
    void platformCommandsTakeArm64Platforms(String command) {
        CommandRun run = CommandRun.of(command, its());
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isEqualTo(IrqtopoCommand.OK);
        assertThat(run.out()).contains("ArmIts");
    }

    @Test
    void traceNamesADeviceNoArm64PlatformDeclares() {
        CommandRun run = CommandRun.of("trace", its(), "--device", "nic9", "--message", "0x08090040:0");
        assertThat(run.exit()).isEqualTo(IrqtopoCommand.USAGE);
        assertThat(run.err()).startsWith("irqtopo: platform ArmIts declares no device nic9 (it declares ");
    }

    @Test
    void tablesWithAnIommuRefusesAnArm64Platform() {
        CommandRun run = CommandRun.of("tables", its(), "--iommu", "dmar0");
        assertThat(run.exit()).isEqualTo(IrqtopoCommand.USAGE);
        assertThat(run.err()).isEqualTo("irqtopo: platform ArmIts declares no IOMMU dmar0 (it declares none)\n");
    }

    @Test
    void diffOfAFileWithItselfFindsNoDifference() {
        CommandRun run = CommandRun.of("diff", its(), its());
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isEqualTo(IrqtopoCommand.OK);
        assertThat(run.out()).isEqualTo("no differences\n");
    }

    @Test
    void aFileOfBothArchitecturesKeepsSourceOrder() {
        String x86 = TestSources.read(TestSources.resource("samples/bare-metal.irqtopo"))
                .replaceFirst("(?m)^package [\\w.]+;\\n", "");
        java.nio.file.Path file = writeTemp(TestSources.read(java.nio.file.Path.of(its())) + "\n" + x86);
        for (String command : new String[] {"explain", "dot", "tables"}) {
            CommandRun run = CommandRun.of(command, file.toString());
            assertThat(run.err()).isEmpty();
            assertThat(run.exit()).isEqualTo(IrqtopoCommand.OK);
            assertThat(run.out().indexOf("ArmIts")).isLessThan(run.out().indexOf("BareMetal"));
        }
    }

    @Test
    void simulatePrintsTheArm64Platform() {
        CommandRun run = CommandRun.of("simulate", its());
        assertThat(run.exit()).isEqualTo(IrqtopoCommand.OK);
        assertThat(run.out()).startsWith("platform ArmIts (arm64)\n");
    }

    @Test
    void verifyExitsThreeWhenAnArm64VerdictIsNotTheExpectedOne() {
        String text = TestSources.read(TestSources.resource("samples/v2m-assigned.irqtopo"))
                .replace("expect breach;", "expect isolated;");
        java.nio.file.Path file = writeTemp(text);
        CommandRun run = CommandRun.of("verify", file.toString());
        assertThat(run.exit()).isEqualTo(VerifyCommand.UNEXPECTED_VERDICT);
        assertThat(run.out()).startsWith("platform ArmV2m (arm64): BREACH, but isolated expected (1 finding)\n");
    }

    @Test
    void kernelProfilesAreForX86Platforms() {
        CommandRun run = CommandRun.of("simulate", its(), "--kernel", "linux-6.1");
        assertThat(run.exit()).isEqualTo(IrqtopoCommand.USAGE);
        assertThat(run.err()).isEqualTo("irqtopo: --kernel applies to x86 platforms; arm64 platform ArmIts runs as linux-6.12\n");
    }

    private static java.nio.file.Path writeTemp(String text) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("arm64", ".irqtopo");
            file.toFile().deleteOnExit();
            java.nio.file.Files.writeString(file, text);
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
