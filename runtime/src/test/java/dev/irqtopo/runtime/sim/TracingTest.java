package dev.irqtopo.runtime.sim;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.model.StorageKind.MSI;
import static dev.irqtopo.model.StorageKind.MSIX;
import static dev.irqtopo.testing.PlatformBuilder.hypervisorWith;
import static dev.irqtopo.testing.PlatformBuilder.platform;
import static dev.irqtopo.testing.PlatformBuilder.remapStack;
import static dev.irqtopo.testing.PlatformBuilder.vtdUnit;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.BridgeModel;
import dev.irqtopo.model.BusModel;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.StorageModel;
import dev.irqtopo.runtime.message.Message;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code trace}'s steps before the hardware's: who emits the message with which requester id (a
 * sub-device its parent's, without its PASID), and behind a bridge the alias the IOMMU sees.
 */
class TracingTest {

    private static final BridgeModel BRIDGE = new BridgeModel("pcibr", RequesterId.parse("00:1e.0"), 5);

    /** nic (03:00.0, entry 0 of dmar0), its sub-device adi (PASID 7), and fw behind a bridge. */
    private static PlatformModel model() {
        List<StorageModel> msix = List.of(StorageModel.of(StorageKind.MSIX, 4));
        DeviceModel nic = new DeviceModel("nic", "pci0", RequesterId.parse("03:00.0"), 0, Optional.empty(), msix);
        DeviceModel adi = new DeviceModel("adi", "pci0", RequesterId.parse("03:00.0"), 7, Optional.of("nic"),
                List.of(StorageModel.of(StorageKind.IMS_QUEUE, 8)));
        DeviceModel fw = new DeviceModel("fw", "pci0", RequesterId.parse("05:01.0"), 0, Optional.empty(), msix,
                Optional.of(BRIDGE));
        return platform("Traced").cpus(2, ApicMode.X2APIC)
                .iommu(vtdUnit("dmar0"))
                .hypervisor(hypervisorWith(true, true, false, MSI, MSIX))
                .bus(new BusModel("pci0", List.of(nic, adi, fw), List.of(BRIDGE)))
                .host(remapStack("nic", MSIX, "dmar0", 1))
                .guest("vm0", 1, List.of("adi", "fw"))
                .build();
    }

    @Test
    void aFunctionEmitsWithItsOwnRequesterId() {
        TraceReport trace = Tracing.run(model(), "nic", Message.remappable(0, 0));
        assertThat(trace.requesterId()).isEqualTo(RequesterId.parse("03:00.0"));
        assertThat(trace.steps()).containsExactly(
                "nic emits it with requester id 03:00.0",
                "dmar0: remappable, handle 0, sub-handle 0, index 0",
                "entry 0: SVT 01 SID 03:00.0 matches 03:00.0",
                "remapped to host CPU 0 vector 0x21, owned by host irq 24 (nic msix slot 0)").inOrder();
        assertThat(trace.delivery().outcome()).isEqualTo("delivered");
    }

    @Test
    void aSubDeviceEmitsWithItsParentsRequesterIdAndNoPasid() {
        TraceReport trace = Tracing.run(model(), "adi", Message.remappable(0, 0));
        assertThat(trace.requesterId()).isEqualTo(RequesterId.parse("03:00.0"));
        assertThat(trace.steps().get(0)).isEqualTo(
                "adi emits it with its parent nic's requester id 03:00.0: an interrupt request carries no PASID (adi's is 7)");
        assertThat(trace.steps()).contains("entry 0: SVT 01 SID 03:00.0 matches 03:00.0");
    }

    @Test
    void behindABridgeTheIommuSeesTheAlias() {
        TraceReport trace = Tracing.run(model(), "fw", Message.remappable(0, 0));
        assertThat(trace.requesterId()).isEqualTo(RequesterId.parse("05:00.0"));
        assertThat(trace.steps()).containsExactly(
                "fw emits it with requester id 05:01.0",
                "behind bridge pcibr the IOMMU sees it as 05:00.0, the bridge's alias",
                "dmar0: remappable, handle 0, sub-handle 0, index 0",
                "entry 0: SVT 01 SID 03:00.0 does not match 05:00.0: fault 0x26").inOrder();
        assertThat(TraceText.render(List.of(trace))).isEqualTo("""
                platform Traced: fw emits 0x00000000fee00018 0x00000000
                  1. fw emits it with requester id 05:01.0
                  2. behind bridge pcibr the IOMMU sees it as 05:00.0, the bridge's alias
                  3. dmar0: remappable, handle 0, sub-handle 0, index 0
                  4. entry 0: SVT 01 SID 03:00.0 does not match 05:00.0: fault 0x26
                  delivery: fault 0x26
                """);
    }

    @Test
    void anUnknownDeviceIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tracing.run(model(), "nope", Message.of(0, 0)));
        assertThat(e).hasMessageThat().isEqualTo("no device nope on platform Traced");
    }
}
