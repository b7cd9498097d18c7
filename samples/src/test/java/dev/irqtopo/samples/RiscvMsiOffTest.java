package dev.irqtopo.samples;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.model.riscv.InterruptFile;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.riscv64.RiscvStackResult;
import dev.irqtopo.runtime.riscv64.TakenRoute;
import dev.irqtopo.runtime.riscv64.isolation.RiscvFinding;
import dev.irqtopo.runtime.riscv64.isolation.RiscvFindingClass;
import org.junit.jupiter.api.Test;

/**
 * riscv-msi-off (riscv64): the VF behind an IOMMU whose device contexts translate no MSI. Two harts with
 * one guest file each (D = 13: hart 1's supervisor page is 0x28002000). The VMM traps the MSI-X table
 * and backs each guest vector with a host identity; but the function's DMA goes where its address
 * says, and the host's files are one write away. A breach, class no-msi-translation.
 */
class RiscvMsiOffTest {

    private final RiscvMsiOff platform = RiscvMsiOff.boot();

    @Test
    void theHostBacksEachTrappedGuestVector() {
        RiscvStackResult vf = platform.vm0().vfMsix();
        assertThat(vf.trapped()).isTrue();
        assertThat(vf.msi()).isEqualTo("off");
        // the guest's one vCPU runs on hart 0's guest file: identities 2 and 3
        assertThat(vf.interrupts().stream().map(v -> v.identity()).toList()).containsExactly(2, 3).inOrder();
        // the host's identities behind them: the hart with the most free first (hart 1, whose 2 is free), then hart 0
        assertThat(vf.backing(0).orElseThrow().file()).isEqualTo(InterruptFile.supervisor(1));
        assertThat(vf.backing(0).orElseThrow().composed()).isEqualTo(Message.of(0x2800_2000L, 2));
        assertThat(vf.backing(1).orElseThrow().composed()).isEqualTo(Message.of(0x2800_0000L, 3));
        // the slot holds the host's message, not the guest's
        assertThat(platform.hardware().vf().msix().stored(0)).hasValue(Message.of(0x2800_2000L, 2));
    }

    @Test
    void firingASlotGoesThroughKvm() {
        assertThat(platform.hardware().vf().msix().fire(0)).isTakenBy("vm0", 0, InterruptFile.guest(0, 1), 2)
                .via(TakenRoute.IRQFD);
        assertThat(platform.hardware().vf().msix().fire(1)).isTakenBy("vm0", 0, InterruptFile.guest(0, 1), 3)
                .via(TakenRoute.IRQFD);
    }

    @Test
    void theVfsDmaRaisesTheHostsVector() {
        // the nic's vector, written by vf: the host's handler runs
        assertThat(platform.hardware().vf().emit(Message.of(0x2800_0000L, 2)))
                .isTakenBy("host", 0, InterruptFile.supervisor(0), 2).via(TakenRoute.HOST);
        // the machine-level file is writable too; no kernel takes its identities
        assertThat(platform.hardware().vf().emit(Message.of(0x2400_0000L, 1))).isNotTaken();
    }

    @Test
    void theVerdictIsABreachOfTheHost() {
        assertThat(platform.verifyIsolation()).isNotIsolated();
        assertThat(platform.verifyIsolation()).isAsExpected();
        assertThat(platform.verifyIsolation()).hasFindings(1);
        assertThat(platform.verifyIsolation()).hasFinding("vm0", "host", RiscvFindingClass.NO_MSI_TRANSLATION);
        RiscvFinding finding = platform.verifyIsolation().findings().get(0);
        // the lowest write that reaches the host: identity 1 of hart 0's machine-level file
        assertThat(finding.message()).isEqualTo(Message.of(0x2400_0000L, 1));
        assertThat(finding.target()).isEqualTo("hart0.machine");
        assertThat(finding.route()).isEqualTo("pass_through");
        assertThat(platform.verifyIsolation()).reachesOf("vf").containsExactly("hart0.machine", "hart0.supervisor",
                "hart0.guest1", "hart1.machine", "hart1.supervisor", "hart1.guest1").inOrder();
    }
}
