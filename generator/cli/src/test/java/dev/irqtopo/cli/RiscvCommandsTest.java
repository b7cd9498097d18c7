package dev.irqtopo.cli;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.compiler.TestSources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the commands do with a file that declares riscv64 platforms. */
class RiscvCommandsTest {

    private static String flat() {
        return TestSources.resource("riscv64/flat.irqtopo").toString();
    }

    @Test
    void traceNamesADeviceTheRiscv64PlatformDeclares() {
        CommandRun run = CommandRun.of("trace", flat(), "--device", "nothere", "--message", "0x28000000:2");
        assertThat(run.exit()).isEqualTo(IrqtopoCommand.USAGE);
        assertThat(run.err().lines().count()).isEqualTo(1);
    }

    /**
     * Three vCPUs number with two page-number bits (msi_addr_mask 0x3), so the table has four entries;
     * file number 3 has no vCPU behind it and its PTE is V = 0: cause 262.
     */
    @Test
    void traceNamesTheFaultOfAnInvalidMsiPte() {
        String text = TestSources.read(TestSources.resource("riscv64/flat.irqtopo"))
                .replace("guest vm0 {\n        cpus 2;", "guest vm0 {\n        cpus 3;");
        CommandRun run = CommandRun.of("trace", writeTemp(text).toString(), "--device", "vf", "--message", "0x28003000:2");
        assertThat(run.exit()).isEqualTo(IrqtopoCommand.OK);
        assertThat(run.out()).contains("msi_addr_mask 0x3, msi_addr_pattern 0x28000\n");
        assertThat(run.out()).contains("  4. MSI PTE 3: V 0: fault 262 (msi_pte_not_valid)\n");
        assertThat(run.out()).endsWith("  delivery: IOMMU fault 262 (msi_pte_not_valid)\n");
    }

    @Test
    void diffOfAFileWithItselfFindsNoDifference() {
        CommandRun run = CommandRun.of("diff", flat(), flat());
        assertThat(run.exit()).isEqualTo(IrqtopoCommand.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("no differences\n");
    }

    /**
     * A third vCPU for vm0 runs on hart 2 and takes hart2.guest1; numbering three vCPUs takes two
     * page-number bits, so the context's mask grows to 0x3 and its table to four entries, the last V = 0.
     * vf's slot 2, which shared vCPU 0's file with slot 0, moves to the new vCPU, the one with the most free
     * identities: identity 2 of its page, 0x28002000 in the guest's layout.
     */
    @Test
    void diffNamesWhatAThirdVcpuMoves() {
        String text = TestSources.read(TestSources.resource("riscv64/flat.irqtopo"))
                .replace("guest vm0 {\n        cpus 2;", "guest vm0 {\n        cpus 3;");
        CommandRun run = CommandRun.of("diff", "--platform", "RiscvFlat", flat(), writeTemp(text).toString());
        assertThat(run.exit()).isEqualTo(DiffCommand.DIFFERENCES);
        assertThat(run.out()).contains("\n    device_context iommu0 0x000200  changed  msi_addr_mask  0x1"
                + "                             0x3\n");
        assertThat(run.out()).contains("  msi_ptes       0: PPN 0x28001; 1: PPN 0x28005"
                + "  0: PPN 0x28001; 1: PPN 0x28005; 2: PPN 0x28009; 3: V 0\n");
        assertThat(run.out()).contains("\n    vm0 vf.msix slot 2  changed  cpu                      0"
                + "                   2\n");
        assertThat(run.out()).contains("  identity                 3                   2\n");
        assertThat(run.out()).contains("  delivery.address         0x0000000028001000  0x0000000028009000\n");
        assertThat(run.out()).contains("  verdict: isolated, unchanged\n");
    }

    @Test
    void simulatePrintsTheRiscv64Platform() {
        CommandRun run = CommandRun.of("simulate", flat());
        assertThat(run.exit()).isEqualTo(IrqtopoCommand.OK);
        assertThat(run.out()).startsWith("platform RiscvFlat (riscv64)\n");
    }

    @Test
    void tablesPrintsTheRiscv64Platform() {
        CommandRun run = CommandRun.of("tables", flat());
        assertThat(run.exit()).isEqualTo(IrqtopoCommand.OK);
        assertThat(run.out()).startsWith("platform RiscvFlat (riscv64)\n  iommu0: RISC-V IOMMU, ");
    }

    @Test
    void tablesIommuNamesAnX86Iommu() {
        CommandRun run = CommandRun.of("tables", flat(), "--iommu", "iommu0");
        assertThat(run.exit()).isEqualTo(IrqtopoCommand.USAGE);
        assertThat(run.err().lines().count()).isEqualTo(1);
    }

    @Test
    void verifyExitsThreeWhenARiscv64VerdictIsNotTheExpectedOne() {
        String text = TestSources.read(TestSources.resource("riscv64/msi-off.irqtopo"))
                .replace("expect breach;", "expect isolated;");
        CommandRun run = CommandRun.of("verify", writeTemp(text).toString());
        assertThat(run.exit()).isEqualTo(VerifyCommand.UNEXPECTED_VERDICT);
        assertThat(run.out()).startsWith("platform RiscvMsiOff (riscv64): BREACH, but isolated expected (1 finding)\n");
    }

    @Test
    void verifyExitsZeroWhenTheIsolatedVerdictIsExpected() {
        CommandRun run = CommandRun.of("verify", flat());
        assertThat(run.exit()).isEqualTo(IrqtopoCommand.OK);
        assertThat(run.out()).startsWith("platform RiscvFlat (riscv64): isolated, as expected\n");
    }

    @Test
    void kernelProfilesAreForX86Platforms() {
        CommandRun run = CommandRun.of("simulate", flat(), "--kernel", "linux-6.1");
        assertThat(run.exit()).isEqualTo(IrqtopoCommand.USAGE);
        assertThat(run.err()).isEqualTo("irqtopo: --kernel applies to x86 platforms; riscv64 platform RiscvFlat runs as"
                + " linux-6.12\n");
    }

    /** A file of an arm64 and a riscv64 platform is one graph with a cluster per platform, each node named under it. */
    @Test
    void dotDrawsARiscv64PlatformAsOneClusterOfSeveral() {
        String text = TestSources.read(TestSources.resource("arm64/its.irqtopo")) + "\n"
                + TestSources.read(TestSources.resource("riscv64/flat.irqtopo"));
        CommandRun run = CommandRun.of("dot", writeTemp(text).toString());
        assertThat(run.exit()).isEqualTo(IrqtopoCommand.OK);
        assertThat(run.out()).contains("    subgraph \"cluster_RiscvFlat\" {\n");
        assertThat(run.out()).contains("\"RiscvFlat/vm0/vf.msix\" -> \"RiscvFlat/device:vf\"");
        assertThat(run.out()).endsWith("    }\n}\n");
    }

    private static Path writeTemp(String text) {
        try {
            Path file = Files.createTempFile("riscv64", ".irqtopo");
            file.toFile().deleteOnExit();
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
