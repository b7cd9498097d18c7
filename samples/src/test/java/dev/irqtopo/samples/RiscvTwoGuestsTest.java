package dev.irqtopo.samples;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.model.riscv.InterruptFile;
import dev.irqtopo.model.riscv.MsiPte;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.riscv64.DeviceTranslation;
import dev.irqtopo.runtime.riscv64.RiscvPlatform;
import dev.irqtopo.runtime.riscv64.TakenRoute;
import org.junit.jupiter.api.Test;

/**
 * riscv-two-guests (riscv64): two VFs in two guests of two vCPUs each, behind an IOMMU in flat mode.
 * The vCPUs run on the harts in turn, so vm0 takes the first guest file of harts 0 and 1, vm1 the
 * second (D = 14: hart 0's guest pages 0x28001000 and 0x28002000, hart 1's 0x28005000 and 0x28006000).
 * Both guests see their files at the same guest pages 0x28000000 and 0x28001000; each function's table
 * maps them to its own guest's files. Isolated.
 */
class RiscvTwoGuestsTest {

    private final RiscvTwoGuests platform = RiscvTwoGuests.boot();

    @Test
    void eachGuestsTableMapsToItsOwnFiles() {
        DeviceTranslation vf0 = platform.hardware().vf0().translation();
        DeviceTranslation vf1 = platform.hardware().vf1().translation();
        assertThat(vf0.context().table()).containsExactly(0L, new MsiPte.Basic(0x28001), 1L, new MsiPte.Basic(0x28005));
        assertThat(vf1.context().table()).containsExactly(0L, new MsiPte.Basic(0x28002), 1L, new MsiPte.Basic(0x28006));
        // the same guest pages on both sides, two tables 64 KiB apart
        assertThat(vf1.context().addressPattern()).isEqualTo(vf0.context().addressPattern());
        assertThat(vf0.context().tablePpn() << 12).isEqualTo(RiscvPlatform.MSI_TABLES);
        assertThat(vf1.context().tablePpn() << 12).isEqualTo(RiscvPlatform.MSI_TABLES + 0x1_0000);
    }

    @Test
    void theSameMessageReachesEachGuestsOwnFile() {
        Message vcpu1 = Message.of(0x2800_1000L, 2);
        assertThat(platform.hardware().vf0().emit(vcpu1)).isTakenBy("vm0", 1, InterruptFile.guest(1, 1), 2)
                .via(TakenRoute.GUEST_FILE);
        assertThat(platform.hardware().vf1().emit(vcpu1)).isTakenBy("vm1", 1, InterruptFile.guest(1, 2), 2)
                .via(TakenRoute.GUEST_FILE);
        assertThat(platform.hardware().vf1().msix().fire(0)).isTakenBy("vm1", 0, InterruptFile.guest(0, 2), 2);
    }

    @Test
    void theOtherGuestsFilePagesAreNotMsiPages() {
        // vm1's file on hart 0, written by vm0's function: page 0x28002 is no MSI page of vf0's context
        assertThat(platform.hardware().vf0().emit(Message.of(0x2800_2000L, 2))).isBlocked();
        assertThat(platform.hardware().vf1().emit(Message.of(0x2800_1000L + 0x4000L, 2))).isBlocked();
    }

    @Test
    void theVerdictIsIsolated() {
        assertThat(platform.verifyIsolation()).isIsolated();
        assertThat(platform.verifyIsolation()).isAsExpected();
        assertThat(platform.verifyIsolation()).reachesOf("vf0").containsExactly("hart0.guest1", "hart1.guest1").inOrder();
        assertThat(platform.verifyIsolation()).reachesOf("vf1").containsExactly("hart0.guest2", "hart1.guest2").inOrder();
    }
}
