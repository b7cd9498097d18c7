package dev.irqtopo.truth;

import static com.google.common.truth.ExpectFailure.expectFailureAbout;
import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.riscv.InterruptFile;
import dev.irqtopo.model.table.RiscvModelTable;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.riscv64.NotSent;
import dev.irqtopo.runtime.riscv64.RiscvOutcome;
import dev.irqtopo.runtime.riscv64.RiscvPlatform;
import dev.irqtopo.runtime.riscv64.RiscvStackResult;
import dev.irqtopo.runtime.riscv64.RiscvStorage;
import dev.irqtopo.runtime.riscv64.TakenRoute;
import dev.irqtopo.runtime.riscv64.isolation.RiscvFindingClass;
import dev.irqtopo.runtime.riscv64.isolation.RiscvIsolationAnalysis;
import org.junit.jupiter.api.Test;

/**
 * The riscv64 subjects on a small platform: two harts with one guest file each, the host's NIC and a
 * guest's function behind an IOMMU whose contexts translate no MSI, the guest's MSI-X trapped.
 */
class RiscvSubjectsTest {

    private static RiscvPlatform platform() {
        RiscvPlatform platform = RiscvPlatform.create(RiscvModelTable.decode(String.join("\n",
                "irqtopo-riscv64-model 1",
                "platform p Rv ~",
                "expect breach",
                "harts 2 1",
                // D = 13: the supervisor page and one guest page per hart
                "imsic 1 63 63 63 0x24000000 12 0x28000000 13 24",
                "iommu iommu0 off 1 pci0",
                "hypervisor kvm 1 msix",
                "bus pci0",
                "device nic 01:00.0 0 - - 1 msix 4 plain",
                "device vf 02:00.0 0 - - 1 msix 4 plain",
                "host",
                "stack nic msix 1",
                "guest vm0 1 1 vf",
                "stack vf msix 2",
                "end",
                "")));
        platform.boot();
        return platform;
    }

    private static RiscvStackResult vf(RiscvPlatform platform) {
        return RiscvStorage.stack(platform, "vm0", "vf", StorageKind.MSIX).orElseThrow();
    }

    @Test
    void whoTakesWhatAWriteMakesPending() {
        RiscvPlatform platform = platform();
        // the host's one vector: hart 0's supervisor file, identity 2 (identity 1 is the IPI)
        assertThat(RiscvStorage.of(platform, "nic", StorageKind.MSIX).fire(0))
                .isTakenBy("host", 0, InterruptFile.supervisor(0), 2).via(TakenRoute.HOST);
        // vf's slot 0 holds the host identity backing the guest's vector; KVM injects it into hart0.guest1
        assertThat(platform.fire(vf(platform), 0)).isTakenBy("vm0", 0, InterruptFile.guest(0, 1), 2)
                .via(TakenRoute.IRQFD);
        // no MSI translation: vf's DMA to the host's own page is the host's vector
        assertThat(platform.emit(platform.device("vf"), Message.of(0x2800_0000L, 2))).isTakenBy("host")
                .via(TakenRoute.HOST);
        // the machine-level file: pending, and no kernel takes it
        assertThat(platform.emit(platform.device("vf"), Message.of(0x2400_0000L, 1))).isNotTaken();
        assertThat(RiscvStorage.of(platform, "nic", StorageKind.MSIX).fire(3)).isNotSentBecause(NotSent.NEVER_WRITTEN);
    }

    @Test
    void theVerdictAndItsFindings() {
        RiscvPlatform platform = platform();
        assertThat(RiscvIsolationAnalysis.analyze(platform)).isNotIsolated();
        assertThat(RiscvIsolationAnalysis.analyze(platform)).isAsExpected();
        assertThat(RiscvIsolationAnalysis.analyze(platform)).hasFindings(1);
        assertThat(RiscvIsolationAnalysis.analyze(platform)).hasFinding("vm0", "host", RiscvFindingClass.NO_MSI_TRANSLATION);
        assertThat(RiscvIsolationAnalysis.analyze(platform)).reachesOf("vf").containsExactly("hart0.machine",
                "hart0.supervisor", "hart0.guest1", "hart1.machine", "hart1.supervisor", "hart1.guest1").inOrder();
    }

    @Test
    void failuresSayWhatWasFound() {
        RiscvPlatform platform = platform();
        RiscvOutcome machine = platform.emit(platform.device("vf"), Message.of(0x2400_0000L, 1));
        AssertionError error = expectFailureAbout(RiscvOutcomeSubject.riscvOutcomes(),
                whenTesting -> whenTesting.that(machine).isTakenBy("host"));
        assertThat(error).hasMessageThat().contains("hart0.machine");
        AssertionError mrif = expectFailureAbout(RiscvOutcomeSubject.riscvOutcomes(),
                whenTesting -> whenTesting.that(machine).isRecordedInMrif());
        assertThat(mrif).hasMessageThat().contains("expected the write recorded in an MRIF");
        AssertionError isolated = expectFailureAbout(RiscvIsolationReportSubject.riscvIsolationReports(),
                whenTesting -> whenTesting.that(RiscvIsolationAnalysis.analyze(platform)).isIsolated());
        assertThat(isolated).hasMessageThat().contains("expected isolated");
        AssertionError refuses = expectFailureAbout(RiscvIsolationReportSubject.riscvIsolationReports(),
                whenTesting -> whenTesting.that(RiscvIsolationAnalysis.analyze(platform)).linuxWronglyRefuses("vf"));
        assertThat(refuses).hasMessageThat().contains("not isolated, linux_isolated_msi false");
    }
}
