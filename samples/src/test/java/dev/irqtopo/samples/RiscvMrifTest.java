package dev.irqtopo.samples;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.riscv.InterruptFile;
import dev.irqtopo.runtime.imsic.ImsicVector;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.riscv64.RiscvPlatform;
import dev.irqtopo.runtime.riscv64.TakenRoute;
import dev.irqtopo.runtime.riscv64.isolation.RiscvFinding;
import dev.irqtopo.runtime.riscv64.isolation.RiscvFindingClass;
import org.junit.jupiter.api.Test;

/**
 * riscv-mrif (riscv64): two functions behind a PCIe-to-PCI bridge in two guests, under an IOMMU whose
 * MSI page tables record in memory-resident interrupt files. The IOMMU sees both with the bridge's
 * alias 05:00.0, so both use one device context, built for vm0, the owner of the first. KVM takes one
 * host identity per vCPU of vm0 for the notices: vCPU 0's is hart 1's identity 2 (hart 1 has the most
 * free; the nic has hart 0's 2), vCPU 1's hart 0's identity 3. vm1's own vector lands in vm0's MRIF.
 */
class RiscvMrifTest {

    private final RiscvMrif platform = RiscvMrif.boot();

    @Test
    void bothFunctionsUseTheContextBuiltForVm0() {
        assertThat(platform.hardware().fa().translation().contextOwner()).isEqualTo("vm0");
        assertThat(platform.hardware().fb().translation().contextOwner()).isEqualTo("vm0");
        assertThat(platform.vm0().faMsi().msi()).isEqualTo("mrif");
        assertThat(platform.platform().notice("vm0", 0)).hasValue(new ImsicVector(1, 2));
        assertThat(platform.platform().notice("vm0", 1)).hasValue(new ImsicVector(0, 3));
    }

    @Test
    void vm0sVectorIsRecordedInItsMrifAndAnnounced() {
        assertThat(platform.hardware().fa().msi().fire(0)).isRecordedInMrif()
                .isTakenBy("vm0", 0, InterruptFile.supervisor(1), 2).via(TakenRoute.NOTICE);
    }

    @Test
    void vm1sVectorLandsInVm0sMrif() {
        // vm1 composed for its own vCPU 0 page, 0x28000000: through vm0's table, file number 0 is vm0's vCPU 0
        assertThat(platform.vm1().fbMsi().interrupts().get(0).composed()).isEqualTo(Message.of(0x2800_0000L, 2));
        assertThat(platform.hardware().fb().msi().fire(0)).isRecordedInMrif().isTakenBy("vm0").via(TakenRoute.NOTICE);
        assertThat(platform.platform().mrifOwner(RiscvPlatform.mrif(0, 0))).hasValue("vm0");
    }

    @Test
    void theVerdictIsABreachThroughTheNotice() {
        assertThat(platform.verifyIsolation()).isNotIsolated();
        assertThat(platform.verifyIsolation()).isAsExpected();
        assertThat(platform.verifyIsolation()).hasFindings(1);
        assertThat(platform.verifyIsolation()).hasFinding("vm1", "vm0", RiscvFindingClass.MRIF_NOTICE);
        RiscvFinding finding = platform.verifyIsolation().findings().get(0);
        assertThat(finding.device()).isEqualTo("fb");
        assertThat(finding.requesterId()).isEqualTo(RequesterId.parse("05:00.0"));
        assertThat(finding.message()).isEqualTo(Message.of(0x2800_0000L, 0));
        assertThat(finding.target()).isEqualTo("hart1.supervisor");
        assertThat(finding.identity()).isEqualTo(2);
        // vm0's own function reaches only what is vm0's
        assertThat(platform.verifyIsolation()).reachesOf("fa").containsExactly("hart0.supervisor identity 3 (notice)",
                "hart1.supervisor identity 2 (notice)", "mrif 0x000110000000", "mrif 0x000110000200").inOrder();
    }
}
