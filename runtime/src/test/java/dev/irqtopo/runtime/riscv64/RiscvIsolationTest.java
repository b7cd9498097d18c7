package dev.irqtopo.runtime.riscv64;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.riscv.MsiTranslationMode;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.riscv64.isolation.RiscvAssignment;
import dev.irqtopo.runtime.riscv64.isolation.RiscvFinding;
import dev.irqtopo.runtime.riscv64.isolation.RiscvFindingClass;
import dev.irqtopo.runtime.riscv64.isolation.RiscvIsolationAnalysis;
import dev.irqtopo.runtime.riscv64.isolation.RiscvIsolationReport;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Findings and verdicts on small riscv64 platforms, worked out by hand. 2 harts and 2 guest files:
 * D = 14, hart h's supervisor-level file at 0x28000000 + h·0x4000, its guest file g the g-th page after;
 * machine-level files at 0x24000000 + h·0x1000. vm0's vCPU runs on hart 0, vm1's on hart 1, each on
 * guest file 1.
 */
class RiscvIsolationTest {

    private static RiscvIsolationReport analyze(RiscvDesigns design) {
        RiscvPlatform platform = RiscvPlatform.create(design.build());
        platform.boot();
        return RiscvIsolationAnalysis.analyze(platform);
    }

    /** fa and fb behind the bridge, so both seen as 05:00.0: one device context, built for fa's vm0. */
    private static RiscvDesigns bridged(MsiTranslationMode mode) {
        return new RiscvDesigns(2, 2, 63).iommu(mode)
                .function("nic", "01:00.0", StorageKind.MSIX, 4)
                .bridged("fa", 1, StorageKind.MSIX, 4)
                .bridged("fb", 2, StorageKind.MSIX, 4)
                .hostStack("nic", StorageKind.MSIX, 1)
                .guest("vm0", 1, "fa", StorageKind.MSIX, 1)
                .guest("vm1", 1, "fb", StorageKind.MSIX, 1);
    }

    @Test
    void aFunctionThatSharesAnotherGuestsContextReachesThatGuestsFile() {
        RiscvIsolationReport report = analyze(bridged(MsiTranslationMode.FLAT));
        // vm0's table: mask 0 (one vCPU), pattern 0x28000, entry 0 to hart0.guest1 (0x28001000); fb's
        // lowest write there is the guest page 0x28000000 with identity 1, vm0's own IMSIC driver's IPI
        RiscvFinding finding = report.findings().get(0);
        assertThat(report.findings()).hasSize(1);
        assertThat(finding.guest()).isEqualTo("vm1");
        assertThat(finding.device()).isEqualTo("fb");
        assertThat(finding.victim()).isEqualTo("vm0");
        assertThat(finding.findingClass()).isEqualTo(RiscvFindingClass.FILE_SHARED);
        assertThat(finding.message()).isEqualTo(Message.of(0x2800_0000L, 1));
        assertThat(finding.target()).isEqualTo("hart0.guest1");
        assertThat(finding.route()).isEqualTo("translated");
        assertThat(finding.path().get(finding.path().size() - 1))
                .isEqualTo("pending hart0.guest1 identity 1 -> vm0 vcpu 0 IPI");
        // Linux 6.12 refuses both; the irqbypass series would take both, wrongly for fb
        RiscvAssignment fa = report.assignments().get(0);
        RiscvAssignment fb = report.assignments().get(1);
        assertThat(fa.isolated()).isTrue();
        assertThat(fb.isolated()).isFalse();
        assertThat(fb.contextOwner()).isEqualTo("vm0");
        assertThat(List.of(fa.linuxIsolatedMsi(), fb.linuxIsolatedMsi())).containsExactly(false, false);
        assertThat(List.of(fa.irqbypassIsolatedMsi(), fb.irqbypassIsolatedMsi())).containsExactly(true, true);
        assertThat(fb.reaches()).containsExactly("hart0.guest1");
    }

    @Test
    void anMrifNoticeAimedAtAnotherGuestsIdentityIsItsOwnClass() {
        RiscvIsolationReport report = analyze(bridged(MsiTranslationMode.MRIF));
        // KVM's notice for vm0's vCPU 0: the nic has hart 0's identity 2, so hart 1, identity 2
        RiscvFinding finding = report.findings().get(0);
        assertThat(report.findings()).hasSize(1);
        assertThat(finding.victim()).isEqualTo("vm0");
        assertThat(finding.findingClass()).isEqualTo(RiscvFindingClass.MRIF_NOTICE);
        assertThat(finding.target()).isEqualTo("hart1.supervisor");
        assertThat(finding.identity()).isEqualTo(2);
        assertThat(finding.message()).isEqualTo(Message.of(0x2800_0000L, 0));
        assertThat(report.assignments().get(1).reaches()).containsExactly("hart1.supervisor identity 2 (notice)",
                "mrif 0x000110000000").inOrder();
    }

    @Test
    void aSubDeviceUsesItsParentsContextWhichTheHostsDoesNotTranslate() {
        // dev stays with the host; its assignable interface adi, in vm0, writes its queue memory at will
        // with dev's requester id, through the host's context: no MSI translation
        RiscvDesigns design = new RiscvDesigns(2, 2, 63)
                .function("dev", "03:00.0", StorageKind.MSIX, 4)
                .subDevice("adi", "dev", 1, StorageKind.IMS_QUEUE, 4)
                .function("vf", "04:00.0", StorageKind.MSIX, 4)
                .hostStack("dev", StorageKind.MSIX, 1)
                .guest("vm0", 1, "adi", StorageKind.IMS_QUEUE, 1)
                .guest("vm1", 1, "vf", StorageKind.MSIX, 1);
        RiscvIsolationReport report = analyze(design);
        assertThat(report.findings().stream().map(f -> f.guest() + " " + f.device() + " " + f.means() + " "
                + f.victim() + " " + f.findingClass().keyword()).toList()).containsExactly(
                "vm0 adi ims host no-msi-translation", "vm0 adi ims vm1 no-msi-translation").inOrder();
        // the host's lowest: hart 0's machine-level file, identity 1; vm1's: hart1.guest1, 0x28004000 + 0x1000
        assertThat(report.findings().get(0).message()).isEqualTo(Message.of(0x2400_0000L, 1));
        assertThat(report.findings().get(1).message()).isEqualTo(Message.of(0x2800_5000L, 1));
        // vf has its own context, flat: isolated
        assertThat(report.assignments().get(1).isolated()).isTrue();
        assertThat(report.assignments().get(0).iommu()).isEqualTo(Optional.of("iommu0"));
        assertThat(report.assignments().get(0).msi()).isEqualTo("off");
    }

    @Test
    void aGuestWithoutAnIommuReachesEveryoneButLinuxIsRightToRefuseIt() {
        RiscvIsolationReport report = analyze(bridged(MsiTranslationMode.FLAT).noIommu());
        // vm0's fa reaches the host and vm1; vm1's fb the host and vm0
        assertThat(report.findings().stream().map(f -> f.guest() + " " + f.victim()).toList())
                .containsExactly("vm0 host", "vm0 vm1", "vm1 host", "vm1 vm0").inOrder();
        assertThat(report.findings().stream().allMatch(f -> f.findingClass() == RiscvFindingClass.NO_MSI_TRANSLATION))
                .isTrue();
        assertThat(report.assignments().stream().map(a -> a.msi()).distinct().toList()).containsExactly("none");
        assertThat(report.assignments().stream().noneMatch(a -> a.isolated() || a.irqbypassIsolatedMsi())).isTrue();
        assertThat(report.asExpected()).isFalse();
    }
}
