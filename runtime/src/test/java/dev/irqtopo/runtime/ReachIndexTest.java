package dev.irqtopo.runtime;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.model.StorageKind.IMS_QUEUE;
import static dev.irqtopo.model.StorageKind.MSIX;
import static dev.irqtopo.testing.PlatformBuilder.device;
import static dev.irqtopo.testing.PlatformBuilder.hcallStack;
import static dev.irqtopo.testing.PlatformBuilder.hypervisorWith;
import static dev.irqtopo.testing.PlatformBuilder.imsQueue;
import static dev.irqtopo.testing.PlatformBuilder.msix;
import static dev.irqtopo.testing.PlatformBuilder.platform;
import static dev.irqtopo.testing.PlatformBuilder.remapStack;
import static dev.irqtopo.testing.PlatformBuilder.stack;
import static dev.irqtopo.testing.PlatformBuilder.subDevice;
import static dev.irqtopo.testing.PlatformBuilder.vtdUnit;
import static dev.irqtopo.testing.PlatformBuilder.withCompatAllowed;
import static dev.irqtopo.testing.PlatformBuilder.withSourceCheck;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.SourceCheck;
import dev.irqtopo.runtime.delivery.ReachIndex;
import dev.irqtopo.runtime.delivery.Reached;
import dev.irqtopo.runtime.message.DeliveryMode;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.remap.Passage;
import dev.irqtopo.testing.PlatformBuilder.DeviceSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What any message from a device reaches, per victim, worked out by hand: which bucket of entries a
 * requester id may use, how its lowest message got through, and what compatibility format and the
 * broadcast destination add.
 */
class ReachIndexTest {

    private static final List<String> KERNELS = List.of("host", "vm0", "vm1");

    /** The host's nic (03:00.0, entry 0), vm0's vf (03:00.1, entry 1 forwarded to vm0), vm1's ssd on bus 04 (entry 2). */
    private static Platform booted(IommuModel unit, ApicMode apic) {
        PlatformModel model = platform("Reach")
                .cpus(2, apic)
                .iommu(unit)
                .hypervisor(hypervisorWith(true, true, false))
                .bus("pci0", device("nic", "03:00.0", msix(4)), device("vf", "03:00.1", msix(4)),
                        device("ssd", "04:00.0", msix(4)))
                .host(remapStack("nic", MSIX, "dmar0", 1))
                .guest("vm0", 1, List.of("vf"), hcallStack("vf", MSIX, 1))
                .guest("vm1", 1, List.of("ssd"), hcallStack("ssd", MSIX, 1))
                .build();
        Platform platform = Platform.create(model);
        platform.boot();
        return platform;
    }

    @Test
    void fullSourceCheckLeavesEachFunctionItsOwnEntriesOnly() {
        ReachIndex index = booted(vtdUnit("dmar0"), ApicMode.X2APIC).hardware().reachIndex(KERNELS);

        assertThat(index.reached("vf")).containsExactly(
                new Reached(1, Message.of(0xFEE0_0018L, 1), Passage.SAME_REQUESTER_ID, List.of()));
        assertThat(index.reached("nic")).containsExactly(
                new Reached(0, Message.of(0xFEE0_0010L, 0), Passage.SAME_REQUESTER_ID, List.of()));
    }

    @Test
    void busSourceCheckLetsEveryFunctionOfTheBusUseTheEntriesOfTheOthers() {
        ReachIndex index = booted(withSourceCheck(vtdUnit("dmar0"), SourceCheck.BUS), ApicMode.X2APIC)
                .hardware().reachIndex(KERNELS);

        assertThat(index.reached("vf")).containsExactly(
                new Reached(0, Message.of(0xFEE0_0010L, 0), Passage.SOURCE_BUS_ONLY, List.of()),
                new Reached(1, Message.of(0xFEE0_0018L, 1), Passage.SAME_REQUESTER_ID, List.of())).inOrder();
        // ssd is alone on bus 04
        assertThat(index.reached("ssd")).containsExactly(
                new Reached(2, Message.of(0xFEE0_0018L, 2), Passage.SAME_REQUESTER_ID, List.of()));
    }

    @Test
    void withoutSourceCheckEveryEntryIsEveryonesAndTheOwnOneIsTheSameRequesterId() {
        ReachIndex index = booted(withSourceCheck(vtdUnit("dmar0"), SourceCheck.OFF), ApicMode.X2APIC)
                .hardware().reachIndex(KERNELS);

        assertThat(index.reached("ssd")).containsExactly(
                new Reached(0, Message.of(0xFEE0_0010L, 0), Passage.SOURCE_UNCHECKED, List.of()),
                new Reached(1, Message.of(0xFEE0_0018L, 1), Passage.SOURCE_UNCHECKED, List.of()),
                new Reached(2, Message.of(0xFEE0_0018L, 2), Passage.SAME_REQUESTER_ID, List.of())).inOrder();
    }

    @Test
    void compatibilityFormatAllowedInXapicModeReachesEveryHostCpuWithEverySpecialMode() {
        ReachIndex index = booted(withCompatAllowed(vtdUnit("dmar0")), ApicMode.XAPIC).hardware().reachIndex(KERNELS);

        // vector 0 on CPU 0 is an illegal vector, the host's, below every remappable message
        assertThat(index.reached("vf")).containsExactly(
                new Reached(0, Message.of(0xFEE0_0000L, 0), Passage.COMPATIBILITY_FORMAT, DeliveryMode.SPECIAL),
                new Reached(1, Message.of(0xFEE0_0018L, 1), Passage.SAME_REQUESTER_ID, List.of()),
                // vm1's host vector: CPU 0 took nic's 0x21, vm0's on CPU 1, so vm1's is 0x22 on CPU 0
                new Reached(2, Message.of(0xFEE0_0000L, 0x22), Passage.COMPATIBILITY_FORMAT, List.of())).inOrder();
    }

    @Test
    void vectorsOnlyTheBroadcastCanNameAreReachedThroughIt() {
        // no remapping; host CPU 0 has APIC ID 0xFF, the broadcast destination, and CPU 1 has 0x1FF, which
        // no 8-bit destination names and which the host therefore never chooses for its own messages
        PlatformModel model = platform("Broadcast")
                .apicIds(ApicMode.X2APIC, 0xFF, 0x1FF)
                .hypervisor(hypervisorWith(true, false, false, MSIX))
                .bus("pci0", device("nic", "03:00.0", msix(4)), device("vf", "03:00.1", msix(4)))
                .host(stack("nic", MSIX, 1))
                .guest("vm0", 1, List.of("vf"), stack("vf", MSIX, 1))
                .build();
        Platform platform = Platform.create(model);
        platform.boot();
        ReachIndex index = platform.hardware().reachIndex(List.of("host", "vm0"));

        // nic took CPU 0 vector 0x21 and vm0's trapped interrupt CPU 0 vector 0x22; only 0xFF names CPU 0
        assertThat(index.reached("nic")).containsExactly(
                new Reached(0, Message.of(0xFEEF_F000L, 0), Passage.NO_REMAPPING, DeliveryMode.SPECIAL),
                new Reached(1, Message.of(0xFEEF_F000L, 0x22), Passage.NO_REMAPPING, List.of())).inOrder();
        // Linux composes the broadcast destination for APIC ID 0xFF: nic's own message is a broadcast
        assertThat(platform.hardware().fire("nic", dev.irqtopo.model.BusDomainKind.MSIX, 0).outcome()).isEqualTo("broadcast");
    }

    @Test
    void aSubDeviceSharesItsParentsRequesterIdAndSoItsEntries() {
        DeviceSpec dev = device("dev", "03:00.0", msix(4));
        PlatformModel model = platform("Shared")
                .cpus(2, ApicMode.X2APIC)
                .vtd("dmar0")
                .hypervisor(hypervisorWith(true, true, false))
                .bus("pci0", dev, subDevice("adi", dev, 1, imsQueue(4)))
                .host(remapStack("dev", MSIX, "dmar0", 1))
                .guest("vm0", 1, List.of("adi"), hcallStack("adi", IMS_QUEUE, 1))
                .build();
        Platform platform = Platform.create(model);
        platform.boot();

        assertThat(platform.hardware().reachIndex(List.of("host", "vm0")).reached("adi")).containsExactly(
                new Reached(0, Message.of(0xFEE0_0010L, 0), Passage.SAME_REQUESTER_ID, List.of()),
                new Reached(1, Message.of(0xFEE0_0018L, 1), Passage.SAME_REQUESTER_ID, List.of())).inOrder();
    }

    @Test
    void victimsAreNumberedHostFirstAndUnknownDevicesAreRefused() {
        Platform platform = booted(vtdUnit("dmar0"), ApicMode.X2APIC);

        assertThrows(IllegalArgumentException.class, () -> platform.hardware().reachIndex(List.of("vm0", "host")));
        assertThrows(IllegalArgumentException.class, () -> platform.hardware().reachIndex(KERNELS).reached("nope"));
    }
}
