package dev.irqtopo.cli;

import dev.irqtopo.compiler.TestSources;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * {@code simulate}, {@code verify}, {@code tables}, {@code trace}, {@code explain}, {@code dot} and
 * {@code diff}, text and JSON, on the riscv64 designs in {@code src/test/resources/riscv64} (and, for
 * {@code diff}, their changed copies in {@code src/test/resources/diff}), compared character for character with
 * {@code src/test/resources/commands/riscv64/}, one file per test method. Regenerate after a
 * deliberate change with {@code -Dirqtopo.updateGoldens=true}, as for {@link CommandGoldenTest}, and
 * review the difference.
 */
class RiscvCommandGoldenTest {

    private static final CommandGoldens GOLDENS = new CommandGoldens(Path.of("src", "test", "resources", "commands", "riscv64"));

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

    /**
     * iommu0 has the contexts of device_ids 0x000100 (nic, host: MSI off) and 0x000200 (vf, vm0: flat).
     * vm0's two vCPUs number with one page-number bit: msi_addr_mask 0x1, msi_addr_pattern 0x28000; PTE 0
     * basic, PPN 0x28001 (hart0.guest1 at 0x28000000 + 0x1000), PTE 1 PPN 0x28005 (hart1.guest1 at
     * 0x28004000 + 0x1000); msiptp.PPN 0x100000 (vm0 is the first guest). Identities: 1 (IPI) in every
     * file, the nic's 2 on harts 0 and 1, vf's slots 0 and 2 on vCPU 0 (2, 3) and slot 1 on vCPU 1 (2);
     * vf's msix is trapped, but its context translates MSIs, so no host identity backs it.
     */
    @Test
    void tablesFlat(TestInfo test) throws IOException {
        assertGolden(test, "tables", design("flat"));
    }

    @Test
    void tablesFlatJson(TestInfo test) throws IOException {
        assertGolden(test, "tables", design("flat"), "--json");
    }

    /**
     * No MSI translation: each context's msiptp.MODE is Off and it has no MSI page table; vf's trapped
     * slots are backed by host identities 2 on hart 1 and 3 on hart 0 (the nic holds hart 0's 2).
     */
    @Test
    void tablesMsiOff(TestInfo test) throws IOException {
        assertGolden(test, "tables", design("msi-off"));
    }

    /**
     * One context for fa and fb (the bridge's 05:00.0, device_id 0x000500), built for vm0: MRIF PTEs for
     * vCPU 0 at 0x000110000000 and vCPU 1 at 0x000110000200, notices KVM's identities on hart 1 (page
     * 0x28004, NID 2) and hart 0 (page 0x28000, NID 3, after the nic's 2). vm1's functions record in
     * MRIFs too (fb's context is vm0's), so KVM also took a notice identity for vm1's vCPU 0, hart 1's 3,
     * which no MSI PTE names.
     */
    @Test
    void tablesMrif(TestInfo test) throws IOException {
        assertGolden(test, "tables", design("mrif"));
    }

    @Test
    void tablesMrifJson(TestInfo test) throws IOException {
        assertGolden(test, "tables", design("mrif"), "--json");
    }

    /**
     * vm0's own message for vCPU 1: page 0x28001 outside mask 0x1 is 0x28000, the pattern; file number 1,
     * the PTE at 0x100000000 + 16; basic translate to PPN 0x28005, so hart1.guest1 identity 2, vf's slot 1
     * (irq 2).
     */
    @Test
    void traceFlat(TestInfo test) throws IOException {
        assertGolden(test, "trace", design("flat"), "--device", "vf", "--message", "0x28001000:2");
    }

    @Test
    void traceFlatJson(TestInfo test) throws IOException {
        assertGolden(test, "trace", design("flat"), "--device", "vf", "--message", "0x28001000:2", "--json");
    }

    /** The host's hart 1 page 0x28004 differs from the pattern outside the mask: no MSI page, and blocked. */
    @Test
    void traceFlatHostPage(TestInfo test) throws IOException {
        assertGolden(test, "trace", design("flat"), "--device", "vf", "--message", "0x28004000:2");
    }

    /** msiptp.MODE Off: the write reaches hart 0's supervisor-level file, where identity 1 is the host's IPI. */
    @Test
    void traceMsiOff(TestInfo test) throws IOException {
        assertGolden(test, "trace", design("msi-off"), "--device", "vf", "--message", "0x28000000:1");
    }

    /**
     * fb (vm1's) writes through the bridge alias's context, vm0's: file number 0, vm0's vCPU 0 MRIF at
     * 0x000110000000 records identity 2, and the notice (NPPN 0x28004, NID 2) is KVM's for vm0's vCPU 0.
     */
    @Test
    void traceMrif(TestInfo test) throws IOException {
        assertGolden(test, "trace", design("mrif"), "--device", "fb", "--message", "0x28000000:2");
    }

    /**
     * Trapped msix without MSI translation: vf's slot 0 holds host hart 1's identity 2, which KVM turns
     * into vm0's message 0x28000000 data 2, hart0.guest1 identity 2, vf's slot 0 (irq 1).
     */
    @Test
    void traceMsiOffIrqfd(TestInfo test) throws IOException {
        assertGolden(test, "trace", design("msi-off"), "--device", "vf", "--message", "0x28002000:2");
    }

    /** vf's flat device context maps vm0's two file pages to hart0.guest1 and hart1.guest1; the trap keeps the guest's message. */
    @Test
    void explainFlat(TestInfo test) throws IOException {
        assertGolden(test, "explain", design("flat"));
    }

    /** No MSI translation: the trapped vectors are backed by host identities, which KVM injects. */
    @Test
    void explainMsiOff(TestInfo test) throws IOException {
        assertGolden(test, "explain", design("msi-off"));
    }

    /** One device context for both functions behind the bridge, built for vm0: vm1's stack names it. */
    @Test
    void explainMrif(TestInfo test) throws IOException {
        assertGolden(test, "explain", design("mrif"));
    }

    @Test
    void dotFlat(TestInfo test) throws IOException {
        assertGolden(test, "dot", design("flat"));
    }

    @Test
    void dotMrif(TestInfo test) throws IOException {
        assertGolden(test, "dot", design("mrif"));
    }

    /**
     * The flat sample with {@code msi off}: iommu0 and vf's device context (device_id 0x000200) lose
     * their MSI translation, msiptp.MODE Off with no table; the nic's context is the host's, Off on both
     * sides. vf's trapped slots are now backed by host identities, each on the hart with the most free
     * (the nic holds identity 2 of harts 0 and 1): slot 0 hart2.supervisor 2 (page 0x28008000), slot 1
     * hart3.supervisor 2 (0x2800c000), slot 2 hart0.supervisor 3, host irqs 3, 4 and 5. Slot 2's stored
     * message, 0x28000000 data 3, is the same on both sides, so only where it lands differs. vm0's own
     * view of each vector stays. vf's DMA reaches all 16 interrupt files: BREACH, the lowest write
     * 0x24000000 data 1 (hart 0's machine-level file, identity 1), and the irqbypass series stops saying
     * isolated MSI; Linux 6.12 never said it.
     */
    @Test
    void diffFlatMsiOff(TestInfo test) throws IOException {
        assertGolden(test, DiffCommand.DIFFERENCES, "diff", design("flat"),
                TestSources.resource("diff/flat-msi-off.irqtopo").toString());
    }

    @Test
    void diffFlatMsiOffJson(TestInfo test) throws IOException {
        assertGolden(test, DiffCommand.DIFFERENCES, "diff", design("flat"),
                TestSources.resource("diff/flat-msi-off.irqtopo").toString(), "--json");
    }

    private static void assertGolden(TestInfo test, String... args) throws IOException {
        assertGolden(test, IrqtopoCommand.OK, args);
    }

    private static void assertGolden(TestInfo test, int exit, String... args) throws IOException {
        GOLDENS.assertCommand(test, exit, args);
    }
}
