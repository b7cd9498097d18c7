package dev.irqtopo.runtime.arm64;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.arm.GicModel;
import dev.irqtopo.model.arm.ItsModel;
import dev.irqtopo.model.arm.MsiMap;
import dev.irqtopo.model.arm.MsiMapEntry;
import dev.irqtopo.model.arm.Mpidr;
import dev.irqtopo.model.arm.V2mFrameModel;
import dev.irqtopo.runtime.gic.IgnoreReason;
import dev.irqtopo.runtime.message.Message;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Boot and firing on small arm64 platforms, every value worked out by hand from the rules in docs/arm.md. */
class Arm64PlatformTest {

    /** ITS base 0x08080000: its GITS_TRANSLATER, the doorbell, is 0x08090040. */
    static final ItsModel ITS0 = ItsModel.atBase("its0", 0x0808_0000L, 16, 16);
    static final long DOORBELL = 0x0809_0040L;

    static Arm64Designs sriov() {
        return new Arm64Designs(8, GicModel.v3(List.of(ITS0), List.of()))
                .msiMap(MsiMap.of(MsiMapEntry.of(0, "its0", 0, 0x10000)))
                .function("pf", "03:00.0", StorageKind.MSIX, 8)
                .function("vf0", "03:00.1", StorageKind.MSIX, 4)
                .function("vf1", "03:00.2", StorageKind.MSIX, 4)
                .hostStack("pf", StorageKind.MSIX, "its0", 2)
                .guest("vm0", 2, "vf0", StorageKind.MSIX, 2)
                .guest("vm1", 2, "vf1", StorageKind.MSIX, 2);
    }

    @Test
    void hostMsixVectorsTakeOneEventEachFromAnIttSizedByTheTable() {
        Arm64Platform platform = Arm64Platform.create(sriov().build());
        Arm64StackResult pf = platform.boot().get(0);

        // 6.12: max(alloc 2, table 8) = 8 LPIs from 8192; events 0 and 1 on the least loaded CPUs 0 and 1
        assertThat(pf.deviceId()).isEqualTo(OptionalLong.of(0x300));
        assertThat(pf.interrupts().stream().map(ArmVector::intid).toList()).containsExactly(8192, 8193).inOrder();
        assertThat(pf.interrupts().stream().map(ArmVector::cpu).toList()).containsExactly(0, 1).inOrder();
        assertThat(pf.interrupts().get(1).mpidr()).isEqualTo(Mpidr.of(0, 0, 0, 1));
        assertThat(pf.interrupts().get(1).composed()).isEqualTo(Message.of(DOORBELL, 1));
        assertThat(platform.stored("pf", StorageKind.MSIX, 1)).hasValue(Message.of(DOORBELL, 1));
        assertThat(platform.fire(pf, 1)).isEqualTo(new Arm64Outcome.Delivered("host", 1, Mpidr.of(0, 0, 0, 1), 8193, 2,
                Arm64Outcome.Route.HOST));
    }

    @Test
    void aTrappedGuestVectorIsBackedByAHostLpiWhoseMessageIsTheIovaOfTheDoorbell() {
        Arm64Platform platform = Arm64Platform.create(sriov().build());
        Arm64StackResult vf0 = platform.boot().get(1);

        // the guest: vITS DeviceID 0x8 (00:01.0), LPIs from 8192, vCPUs 0 and 1, its doorbell 0x08090040
        assertThat(vf0.deviceId()).isEqualTo(OptionalLong.of(8));
        assertThat(vf0.interrupts().get(1).intid()).isEqualTo(8193);
        assertThat(vf0.interrupts().get(1).cpu()).isEqualTo(1);
        assertThat(vf0.interrupts().get(1).composed()).isEqualTo(Message.of(GuestIts.DOORBELL, 1));
        // the host: DeviceID 0x301, 4 LPIs after pf's 8 (8200..8203), on CPUs 2 and 3 (0 and 1 carry pf's)
        HostBacking backing = vf0.backing(1).orElseThrow();
        assertThat(backing.host().intid()).isEqualTo(8201);
        assertThat(backing.host().cpu()).isEqualTo(3);
        assertThat(backing.host().deviceId()).isEqualTo(OptionalLong.of(0x301));
        assertThat(backing.vlpi()).isFalse();
        // the physical slot holds the IOVA of the doorbell page in the SMMU's software MSI window
        assertThat(platform.stored("vf0", StorageKind.MSIX, 1)).hasValue(Message.of(0x0800_0040L, 1));
        assertThat(platform.fire(vf0, 1)).isEqualTo(new Arm64Outcome.Delivered("vm0", 1, Mpidr.of(0, 0, 0, 1), 8193, 2,
                Arm64Outcome.Route.IRQFD));
        // vm1's vectors: LPIs 8204 and 8205 on CPUs 4 and 5
        Arm64StackResult vf1 = platform.stacks().get(2);
        assertThat(vf1.backing(0).orElseThrow().host().intid()).isEqualTo(8204);
        assertThat(vf1.backing(0).orElseThrow().host().cpu()).isEqualTo(4);
    }

    @Test
    void underGicv4WithVlpiTheItsDeliversTheGuestLpiItself() {
        Arm64Designs design = new Arm64Designs(4, new GicModel(4, 16, List.of(ITS0), List.of()))
                .function("vf", "02:00.1", StorageKind.MSIX, 4).guest("vm0", 2, "vf", StorageKind.MSIX, 1).vlpi();
        Arm64Platform platform = Arm64Platform.create(design.build());
        Arm64StackResult vf = platform.boot().get(0);
        assertThat(vf.backing(0).orElseThrow().vlpi()).isTrue();
        assertThat(platform.fire(vf, 0)).isEqualTo(new Arm64Outcome.Delivered("vm0", 0, Mpidr.of(0, 0, 0, 0), 8192, 1,
                Arm64Outcome.Route.VLPI));
    }

    @Test
    void aMultiMessageMsiBlockTakesOneAlignedRegionAndDeviceIdZeroAtLeast32Lpis() {
        Arm64Designs design = new Arm64Designs(2, GicModel.v3(List.of(ITS0), List.of()))
                .function("ahci", "00:00.0", StorageKind.MSI, 4)
                .function("sata", "00:01.0", StorageKind.MSI, 4)
                .hostStack("ahci", StorageKind.MSI, "its0", 4)
                .hostStack("sata", StorageKind.MSI, "its0", 3);
        Arm64Platform platform = Arm64Platform.create(design.build());
        List<Arm64StackResult> stacks = platform.boot();
        // DeviceID 0: at least 32 LPIs, 8192..8223; events 0..3 on CPUs 0, 1, 0, 1
        assertThat(stacks.get(0).interrupts().stream().map(ArmVector::intid).toList())
                .containsExactly(8192, 8193, 8194, 8195).inOrder();
        assertThat(stacks.get(0).interrupts().stream().map(ArmVector::cpu).toList()).containsExactly(0, 1, 0, 1).inOrder();
        // DeviceID 8 (00:01.0): 3 vectors rounded to 4 LPIs from 8224; the block is one region of 4 events
        assertThat(stacks.get(1).interrupts().stream().map(ArmVector::intid).toList())
                .containsExactly(8224, 8225, 8226).inOrder();
        assertThat(platform.stored("sata", StorageKind.MSI, 2)).hasValue(Message.of(DOORBELL, 2));
    }

    @Test
    void aGicv2mBlockStartsAtAnSpiNumberThatIsAMultipleOfItsSize() {
        V2mFrameModel frame = V2mFrameModel.atBase("v2m0", 0x0802_0000L, 82, 16);
        Arm64Designs design = new Arm64Designs(2, GicModel.v3(List.of(), List.of(frame)))
                .function("nic", "01:00.0", StorageKind.MSIX, 4)
                .function("ahci", "02:00.0", StorageKind.MSI, 4)
                .hostStack("nic", StorageKind.MSIX, "v2m0", 1)
                .hostStack("ahci", StorageKind.MSI, "v2m0", 4);
        Arm64Platform platform = Arm64Platform.create(design.build());
        List<Arm64StackResult> stacks = platform.boot();
        assertThat(stacks.get(0).interrupts().get(0).intid()).isEqualTo(82);
        // 83 is free but not a multiple of 4: the block is 84..87, on CPU 0 as every SPI
        assertThat(stacks.get(1).interrupts().stream().map(ArmVector::intid).toList()).containsExactly(84, 85, 86, 87);
        assertThat(stacks.get(1).interrupts().get(3).cpu()).isEqualTo(0);
        assertThat(platform.stored("ahci", StorageKind.MSI, 3)).hasValue(Message.of(0x0802_0040L, 87));
        assertThat(platform.fire(stacks.get(1), 3)).isEqualTo(new Arm64Outcome.Delivered("host", 0, Mpidr.of(0, 0, 0, 0),
                87, 5, Arm64Outcome.Route.HOST));
    }

    @Test
    void anUntrappedGuestMessageFaultsInTheSmmusMsiWindow() {
        Arm64Designs design = sriov().traps(Set.of());
        Arm64Platform platform = Arm64Platform.create(design.build());
        Arm64StackResult vf0 = platform.boot().get(1);
        assertThat(vf0.backing()).isEmpty();
        assertThat(platform.stored("vf0", StorageKind.MSIX, 0)).hasValue(Message.of(GuestIts.DOORBELL, 0));
        assertThat(platform.fire(vf0, 0)).isEqualTo(new Arm64Outcome.SmmuFault(GuestIts.DOORBELL));
    }

    @Test
    void withoutAnSmmuTheGuestsDoorbellIsTheHostsItsWhereTheFunctionHasNoItt() {
        // the host's ITS sits where QEMU puts the guest's: the guest's message reaches it with vf0's host
        // DeviceID, for which the host made no ITT (its storage is not trapped, so nothing backs it)
        Arm64Platform platform = Arm64Platform.create(sriov().traps(Set.of()).noSmmu().build());
        Arm64StackResult vf0 = platform.boot().get(1);
        assertThat(platform.fire(vf0, 0)).isEqualTo(new Arm64Outcome.Ignored("its0", IgnoreReason.DEVICE_ID_UNMAPPED));
    }
}
