package dev.irqtopo.runtime.riscv64;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.riscv.InterruptFile;
import dev.irqtopo.model.riscv.MsiTranslationMode;
import dev.irqtopo.runtime.imsic.ImsicVector;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.riommu.DeviceWrite;
import dev.irqtopo.runtime.riommu.MsiFault;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Allocations that fail part-way give back everything they took and return Linux's errno; what could
 * not be set up is never written. One hart with N = 63 has identities 2..63, 62 of them, for devices.
 */
class RiscvRollbackTest {

    @Test
    void anMsixStackThatRunsOutOfIdentitiesMidwayGivesBackThoseItTook() {
        RiscvDesigns design = new RiscvDesigns(1, 0, 63)
                .function("a", "01:00.0", StorageKind.MSIX, 64)
                .function("b", "02:00.0", StorageKind.MSIX, 8)
                .function("c", "03:00.0", StorageKind.MSIX, 8)
                .hostStack("a", StorageKind.MSIX, 60)
                .hostStack("b", StorageKind.MSIX, 3)
                .hostStack("c", StorageKind.MSIX, 2);
        RiscvPlatform platform = RiscvPlatform.create(design.build());
        List<RiscvStackResult> stacks = platform.boot();
        // a: 2..61; b takes 62 and 63, finds no third: the MSI core frees both, -ENOSPC
        assertThat(stacks.get(1).errno()).isEqualTo(Optional.of(Errno.ENOSPC));
        assertThat(stacks.get(1).interrupts()).isEmpty();
        assertThat(platform.stored("b", StorageKind.MSIX, 0)).isEmpty();
        // so c gets them
        assertThat(stacks.get(2).interrupts().stream().map(RiscvVector::identity).toList()).containsExactly(62, 63)
                .inOrder();
        assertThat(platform.hostDriver().matrix().available(0)).isEqualTo(0);
        // and b's irq numbers were never handed out: c's follow a's 60
        assertThat(stacks.get(2).interrupts().get(0).virq()).isEqualTo(61);
    }

    @Test
    void aMultiMessageMsiBlockIsRefusedWithEopnotsuppAndTakesNothing() {
        RiscvDesigns design = new RiscvDesigns(2, 0, 63)
                .function("a", "01:00.0", StorageKind.MSI, 4)
                .function("b", "02:00.0", StorageKind.MSIX, 4)
                .hostStack("a", StorageKind.MSI, 4)
                .hostStack("b", StorageKind.MSIX, 1);
        List<RiscvStackResult> stacks = RiscvPlatform.create(design.build()).boot();
        assertThat(stacks.get(0).errno()).isEqualTo(Optional.of(Errno.EOPNOTSUPP));
        assertThat(stacks.get(1).interrupts().get(0).file()).isEqualTo(InterruptFile.supervisor(0));
        assertThat(stacks.get(1).interrupts().get(0).identity()).isEqualTo(2);
    }

    @Test
    void aTrappedStoreTheHostCannotBackIsDroppedAndTheIdentityItTookGoesBack() {
        // no MSI translation: the VMM backs vm0's two vectors with host identities, all or nothing; the
        // host's a leaves one identity, 63, free
        RiscvDesigns design = new RiscvDesigns(1, 1, 63).iommu(MsiTranslationMode.OFF)
                .function("a", "01:00.0", StorageKind.MSIX, 64)
                .function("vf", "02:00.0", StorageKind.MSIX, 4)
                .hostStack("a", StorageKind.MSIX, 61)
                .guest("vm0", 1, "vf", StorageKind.MSIX, 2);
        RiscvPlatform platform = RiscvPlatform.create(design.build());
        RiscvStackResult vf = platform.boot().get(1);
        // the guest's own driver had room: identities 2 and 3 of hart0.guest1
        assertThat(vf.errno()).isEmpty();
        assertThat(vf.interrupts().stream().map(RiscvVector::identity).toList()).containsExactly(2, 3).inOrder();
        assertThat(vf.backing()).isEmpty();
        assertThat(platform.hostDriver().matrix().available(0)).isEqualTo(1);
        assertThat(platform.stored("vf", StorageKind.MSIX, 0)).isEmpty();
        assertThat(platform.fire(vf, 0)).isEqualTo(new RiscvOutcome.NotSentAtAll(NotSent.TRAPPED_STORE_DROPPED));
    }

    @Test
    void aGuestStackBeyondItsFilesIdentitiesFailsAndTheNextOneStillFits() {
        RiscvDesigns design = new RiscvDesigns(1, 1, 63)
                .function("a", "01:00.0", StorageKind.MSIX, 64)
                .function("b", "02:00.0", StorageKind.MSIX, 4)
                .function("c", "03:00.0", StorageKind.MSIX, 4)
                .guest("vm0", 1, "a", StorageKind.MSIX, 60)
                .guest("vm0", 1, "b", StorageKind.MSIX, 3)
                .guest("vm0", 1, "c", StorageKind.MSIX, 2);
        List<RiscvStackResult> stacks = RiscvPlatform.create(design.build()).boot();
        assertThat(stacks.get(1).errno()).isEqualTo(Optional.of(Errno.ENOSPC));
        assertThat(stacks.get(2).interrupts().stream().map(RiscvVector::identity).toList()).containsExactly(62, 63)
                .inOrder();
        assertThat(stacks.get(2).interrupts().get(0).file()).isEqualTo(InterruptFile.guest(0, 1));
    }

    @Test
    void aVcpuKvmFindsNoNoticeIdentityForGetsAnInvalidMrifEntry() {
        // the host takes all 62 identities; KVM's notice for vm0's vCPU 0 finds none
        RiscvDesigns design = new RiscvDesigns(1, 1, 63).iommu(MsiTranslationMode.MRIF)
                .function("a", "01:00.0", StorageKind.MSIX, 64)
                .function("vf", "02:00.0", StorageKind.MSIX, 4)
                .hostStack("a", StorageKind.MSIX, 62)
                .guest("vm0", 1, "vf", StorageKind.MSIX, 1);
        RiscvPlatform platform = RiscvPlatform.create(design.build());
        RiscvStackResult vf = platform.boot().get(1);
        assertThat(platform.notice("vm0", 0)).isEmpty();
        // the guest's message names file number 0, whose PTE has V = 0: cause 262
        assertThat(platform.fire(vf, 0)).isEqualTo(new RiscvOutcome.Written(
                new DeviceWrite.Faulted(MsiFault.MSI_PTE_NOT_VALID), Optional.empty()));
    }

    @Test
    void bootingTwiceRunsTheStacksOnce() {
        RiscvDesigns design = new RiscvDesigns(1, 0, 63)
                .function("a", "01:00.0", StorageKind.MSIX, 4)
                .hostStack("a", StorageKind.MSIX, 2);
        RiscvPlatform platform = RiscvPlatform.create(design.build());
        List<RiscvStackResult> first = platform.boot();
        assertThat(platform.boot()).isEqualTo(first);
        assertThat(platform.hostDriver().matrix().allocated(0)).doesNotContain(4);
        assertThat(first.get(0).interrupts().stream().map(v -> new ImsicVector(v.cpu(), v.identity())).toList())
                .containsExactly(new ImsicVector(0, 2), new ImsicVector(0, 3)).inOrder();
    }
}
