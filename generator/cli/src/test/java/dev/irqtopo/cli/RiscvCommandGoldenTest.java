package dev.irqtopo.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.irqtopo.compiler.TestSources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * {@code simulate} and {@code verify}, text and JSON, on the riscv64 designs in
 * {@code src/test/resources/riscv64}, compared character for character with
 * {@code src/test/resources/commands/riscv64/}, one file per test method. Regenerate after a
 * deliberate change with {@code -Dirqtopo.updateGoldens=true}, as for {@link CommandGoldenTest}, and
 * review the difference.
 */
class RiscvCommandGoldenTest {

    private static final Path DIR = Path.of("src", "test", "resources", "commands", "riscv64");
    private static final boolean UPDATE = Boolean.getBoolean("irqtopo.updateGoldens");

    private static String design(String name) {
        return TestSources.resource("riscv64/" + name + ".irqtopo").toString();
    }

    /**
     * 4 harts, 2 guest files: D = 14, hart h's S page 0x28000000 + h·0x4000. The host's two vectors take
     * identity 2 on harts 0 and 1 (1 is the IPI); vm0's vCPUs 0 and 1 run on hart0.guest1 and
     * hart1.guest1 and compose 0x28000000 and 0x28001000 (the guest's own layout, D = 12); the flat MSI
     * page table maps file number 1 (page 0x28001, mask 1) to page 0x28005, hart 1's first guest file.
     */
    @Test
    void simulateFlat(TestInfo test) throws IOException {
        assertGolden(test, "simulate", design("flat"));
    }

    @Test
    void simulateFlatJson(TestInfo test) throws IOException {
        assertGolden(test, "simulate", design("flat"), "--json");
    }

    /** vf reaches only hart0.guest1 and hart1.guest1, vm0's own: isolated, which Linux 6.12 does not see. */
    @Test
    void verifyFlat(TestInfo test) throws IOException {
        assertGolden(test, "verify", design("flat"));
    }

    @Test
    void verifyFlatJson(TestInfo test) throws IOException {
        assertGolden(test, "verify", design("flat"), "--json");
    }

    /**
     * vm0's trapped vectors are backed by host identities (hart1.supervisor 2, hart0.supervisor 3: the
     * host's nic holds hart 0's identity 2), which KVM injects into hart0.guest1.
     */
    @Test
    void simulateMsiOff(TestInfo test) throws IOException {
        assertGolden(test, "simulate", design("msi-off"));
    }

    @Test
    void simulateMsiOffJson(TestInfo test) throws IOException {
        assertGolden(test, "simulate", design("msi-off"), "--json");
    }

    /** The lowest write that reaches the host: 0x24000000 data 1, hart 0's machine-level file. */
    @Test
    void verifyMsiOff(TestInfo test) throws IOException {
        assertGolden(test, "verify", design("msi-off"));
    }

    @Test
    void verifyMsiOffJson(TestInfo test) throws IOException {
        assertGolden(test, "verify", design("msi-off"), "--json");
    }

    /**
     * fa and fb share the bridge's alias 05:00.0, so one device context, vm0's: fb's message for vm1's
     * vCPU 0 (page 0x28000000, identity 2) is recorded in vm0's vCPU 0 MRIF, whose notice KVM takes.
     */
    @Test
    void simulateMrif(TestInfo test) throws IOException {
        assertGolden(test, "simulate", design("mrif"));
    }

    @Test
    void simulateMrifJson(TestInfo test) throws IOException {
        assertGolden(test, "simulate", design("mrif"), "--json");
    }

    @Test
    void verifyMrif(TestInfo test) throws IOException {
        assertGolden(test, "verify", design("mrif"));
    }

    @Test
    void verifyMrifJson(TestInfo test) throws IOException {
        assertGolden(test, "verify", design("mrif"), "--json");
    }

    private static void assertGolden(TestInfo test, String... args) throws IOException {
        CommandRun run = CommandRun.of(args);
        assertWithMessage("standard error of %s", String.join(" ", args)).that(run.err()).isEmpty();
        assertThat(run.exit()).isEqualTo(IrqtopoCommand.OK);
        String name = test.getTestMethod().orElseThrow().getName()
                .replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        Path golden = DIR.resolve(name.endsWith("-json") ? name.substring(0, name.length() - 5) + ".json" : name + ".txt");
        if (UPDATE) {
            Files.createDirectories(DIR);
            Files.writeString(golden, run.out(), StandardCharsets.UTF_8);
        }
        assertWithMessage("%s (regenerate with -Dirqtopo.updateGoldens=true)", golden)
                .that(run.out()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
