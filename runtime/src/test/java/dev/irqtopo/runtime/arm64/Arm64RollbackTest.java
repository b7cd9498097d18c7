package dev.irqtopo.runtime.arm64;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.arm.GicModel;
import dev.irqtopo.model.arm.MsiMap;
import dev.irqtopo.model.arm.MsiMapEntry;
import dev.irqtopo.model.arm.V2mFrameModel;
import dev.irqtopo.runtime.gic.LpiRanges;
import dev.irqtopo.runtime.message.Errno;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Allocations that fail part-way give back everything they took and return Linux's errno. */
class Arm64RollbackTest {

    @Test
    void anMsixStackThatRunsOutOfEventsMidwayReleasesTheEventsAndCpuLoadItTook() {
        // a mask that drops the function folds 04:00.0, .1 and .2 onto DeviceID 0x400: one ITT of 4 events
        Arm64Designs design = new Arm64Designs(4, GicModel.v3(List.of(Arm64PlatformTest.ITS0), List.of()))
                .msiMap(MsiMap.of(MsiMapEntry.of(0, "its0", 0, 0x10000)).withMask(0xfff8))
                .function("a", "04:00.0", StorageKind.MSIX, 4)
                .function("b", "04:00.1", StorageKind.MSIX, 4)
                .function("c", "04:00.2", StorageKind.MSIX, 4)
                .hostStack("a", StorageKind.MSIX, "its0", 2)
                .hostStack("b", StorageKind.MSIX, "its0", 3)
                .hostStack("c", StorageKind.MSIX, "its0", 2);
        List<Arm64StackResult> stacks = Arm64Platform.create(design.build()).boot();

        // b takes events 2 and 3 (LPIs 8194, 8195 on CPUs 2, 3), finds no third: ENOSPC, and gives them back
        assertThat(stacks.get(1).errno()).isEqualTo(Optional.of(Errno.ENOSPC));
        assertThat(stacks.get(1).interrupts()).isEmpty();
        // so c gets them, on CPUs 2 and 3 again: the loads b raised were lowered
        assertThat(stacks.get(2).interrupts().stream().map(ArmVector::intid).toList()).containsExactly(8194, 8195).inOrder();
        assertThat(stacks.get(2).interrupts().stream().map(ArmVector::cpu).toList()).containsExactly(2, 3).inOrder();
    }

    @Test
    void aDeviceThatGetsNoLpisIsRefusedWithEnomemAndLeavesNoItt() {
        Arm64Designs design = new Arm64Designs(2, GicModel.v3(List.of(Arm64PlatformTest.ITS0), List.of()))
                .function("a", "01:00.0", StorageKind.MSIX, 8)
                .function("b", "02:00.0", StorageKind.MSIX, 8)
                .hostStack("a", StorageKind.MSIX, "its0", 1)
                .hostStack("b", StorageKind.MSIX, "its0", 1);
        LpiRanges lpis = new LpiRanges(8);
        Arm64Platform platform = Arm64Platform.create(design.build(), lpis);
        List<Arm64StackResult> stacks = platform.boot();
        assertThat(stacks.get(0).interrupts().get(0).intid()).isEqualTo(8192);
        assertThat(stacks.get(1).errno()).isEqualTo(Optional.of(Errno.ENOMEM));
        assertThat(lpis.freeCount()).isEqualTo(0);
        assertThat(platform.gic().its("its0").orElseThrow().itt(0x200)).isEmpty();
    }

    @Test
    void aStackWhoseFirstEventFailsDropsTheDeviceItCreated() {
        // one event bit: 2 events per ITT at most; a 4-vector MSI block fits no region of 4
        Arm64Designs design = new Arm64Designs(2, GicModel.v3(List.of(
                        dev.irqtopo.model.arm.ItsModel.atBase("its0", 0x0808_0000L, 16, 1)), List.of()))
                .function("a", "01:00.0", StorageKind.MSI, 4)
                .function("b", "02:00.0", StorageKind.MSIX, 2)
                .hostStack("a", StorageKind.MSI, "its0", 4)
                .hostStack("b", StorageKind.MSIX, "its0", 1);
        LpiRanges lpis = LpiRanges.forIdBits(16);
        Arm64Platform platform = Arm64Platform.create(design.build(), lpis);
        List<Arm64StackResult> stacks = platform.boot();
        assertThat(stacks.get(0).errno()).isEqualTo(Optional.of(Errno.ENOSPC));
        assertThat(platform.gic().its("its0").orElseThrow().itt(0x100)).isEmpty();
        // a's two LPIs went back: b's device starts at 8192
        assertThat(stacks.get(1).interrupts().get(0).intid()).isEqualTo(8192);
    }

    @Test
    void gicv2mVectorsTakenBeforeTheFrameRanOutGoBack() {
        V2mFrameModel frame = V2mFrameModel.atBase("v2m0", 0x0802_0000L, 80, 3);
        Arm64Designs design = new Arm64Designs(2, GicModel.v3(List.of(), List.of(frame)))
                .function("a", "01:00.0", StorageKind.MSIX, 8)
                .function("b", "02:00.0", StorageKind.MSIX, 8)
                .hostStack("a", StorageKind.MSIX, "v2m0", 4)
                .hostStack("b", StorageKind.MSIX, "v2m0", 3);
        List<Arm64StackResult> stacks = Arm64Platform.create(design.build()).boot();
        assertThat(stacks.get(0).errno()).isEqualTo(Optional.of(Errno.ENOSPC));
        assertThat(stacks.get(1).interrupts().stream().map(ArmVector::intid).toList()).containsExactly(80, 81, 82).inOrder();
    }

    @Test
    void aTrappedStoreTheHostCannotBackIsDropped() {
        V2mFrameModel frame = V2mFrameModel.atBase("v2m0", 0x0802_0000L, 80, 1);
        Arm64Designs design = new Arm64Designs(2, GicModel.v3(List.of(), List.of(frame)))
                .function("vf", "02:00.0", StorageKind.MSIX, 4)
                .guest("vm0", 1, "vf", StorageKind.MSIX, 2);
        Arm64Platform platform = Arm64Platform.create(design.build());
        Arm64StackResult vf = platform.boot().get(0);
        assertThat(vf.interrupts()).hasSize(2);
        assertThat(vf.backing()).isEmpty();
        assertThat(platform.fire(vf, 0)).isEqualTo(new Arm64Outcome.NotSentAtAll(NotSent.TRAPPED_STORE_DROPPED));
    }
}
