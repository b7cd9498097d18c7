package dev.irqtopo.samples;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.model.riscv.InterruptFile;
import dev.irqtopo.model.riscv.MsiPte;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.riscv64.DeviceTranslation;
import dev.irqtopo.runtime.riscv64.RiscvPlatform;
import dev.irqtopo.runtime.riscv64.RiscvStackResult;
import dev.irqtopo.runtime.riscv64.TakenRoute;
import org.junit.jupiter.api.Test;

/**
 * riscv-flat (riscv64): a VF in a guest of two vCPUs behind a RISC-V IOMMU whose device context has a
 * flat MSI page table. Four harts with two guest files each; vm0's vCPUs run on harts 0 and 1 and take
 * their first guest file. The guest sees its vCPUs' files at the supervisor pages 0x28000000 and
 * 0x28001000; the table maps them to hart0.guest1 (0x28001000) and hart1.guest1 (0x28005000, D = 14).
 * Isolated, which Linux 6.12 does not see.
 */
class RiscvFlatTest {

    private final RiscvFlat platform = RiscvFlat.boot();

    @Test
    void theHostSpreadsItsVectorsOverTheHarts() {
        RiscvStackResult nic = platform.host().nicMsix();
        // identity 1 of each supervisor file is the IPI: the first vector of each hart is identity 2
        assertThat(nic.interrupts().stream().map(v -> v.file()).toList())
                .containsExactly(InterruptFile.supervisor(0), InterruptFile.supervisor(1)).inOrder();
        assertThat(nic.interrupts().stream().map(v -> v.composed()).toList())
                .containsExactly(Message.of(0x2800_0000L, 2), Message.of(0x2800_4000L, 2)).inOrder();
    }

    @Test
    void theGuestComposesForItsOwnPagesAndTheTableMapsThem() {
        RiscvStackResult vf = platform.vm0().vfMsix();
        assertThat(vf.trapped()).isTrue();
        assertThat(vf.msi()).isEqualTo("flat");
        // three vectors over two vCPUs: vCPU 0, vCPU 1, then vCPU 0 again with its next identity
        assertThat(vf.interrupts().stream().map(v -> v.composed()).toList()).containsExactly(
                Message.of(0x2800_0000L, 2), Message.of(0x2800_1000L, 2), Message.of(0x2800_0000L, 3)).inOrder();
        DeviceTranslation context = platform.hardware().vf().translation();
        assertThat(context.contextOwner()).isEqualTo("vm0");
        assertThat(context.context().addressMask()).isEqualTo(0x1);
        assertThat(context.context().addressPattern()).isEqualTo(0x28000);
        assertThat(context.context().tablePpn() << 12).isEqualTo(RiscvPlatform.MSI_TABLES);
        assertThat(context.context().entry(0)).isEqualTo(new MsiPte.Basic(0x28001));
        assertThat(context.context().entry(1)).isEqualTo(new MsiPte.Basic(0x28005));
    }

    @Test
    void firingTheSlotsReachesTheGuestFilesStraight() {
        assertThat(platform.hardware().vf().msix().fire(1)).isTakenBy("vm0", 1, InterruptFile.guest(1, 1), 2)
                .via(TakenRoute.GUEST_FILE);
        assertThat(platform.hardware().vf().msix().fire(2)).isTakenBy("vm0", 0, InterruptFile.guest(0, 1), 3)
                .via(TakenRoute.GUEST_FILE);
        assertThat(platform.hardware().nic().msix().fire(1)).isTakenBy("host", 1, InterruptFile.supervisor(1), 2)
                .via(TakenRoute.HOST);
    }

    @Test
    void aHostileWriteOfTheVfReachesOnlyItsGuest() {
        // the host's own page is the guest's vCPU 0 page: the table sends it to hart0.guest1
        assertThat(platform.hardware().vf().emit(Message.of(0x2800_0000L, 2)))
                .isTakenBy("vm0", 0, InterruptFile.guest(0, 1), 2);
        // hart1's supervisor page is no MSI page of the context, and the second stage maps no IMSIC page
        assertThat(platform.hardware().vf().emit(Message.of(0x2800_4000L, 2))).isBlocked();
        assertThat(platform.hardware().vf().emit(Message.of(0x2400_0000L, 1))).isBlocked();
    }

    @Test
    void theVerdictIsIsolatedAndLinuxRefusesAnyway() {
        assertThat(platform.verifyIsolation()).isIsolated();
        assertThat(platform.verifyIsolation()).isAsExpected();
        assertThat(platform.verifyIsolation()).reachesOf("vf").containsExactly("hart0.guest1", "hart1.guest1").inOrder();
        assertThat(platform.verifyIsolation()).linuxWronglyRefuses("vf");
    }
}
