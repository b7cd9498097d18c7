package dev.irqtopo.runtime.isolation;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.model.StorageKind.MSI;
import static dev.irqtopo.model.StorageKind.MSIX;
import static dev.irqtopo.testing.PlatformBuilder.hypervisorWith;
import static dev.irqtopo.testing.PlatformBuilder.platform;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.BridgeModel;
import dev.irqtopo.model.BusModel;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.StorageModel;
import dev.irqtopo.runtime.Platform;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The path each finding gives, before the steps of the message itself: how the guest makes the device
 * emit it (DMA for a function, a write into an untrapped storage for a sub-device) and, behind a
 * bridge, the alias the IOMMU sees.
 */
class FindingPathTest {

    @Test
    void aFindingSaysHowTheGuestMakesItsDeviceEmitTheMessage() {
        BridgeModel bridge = new BridgeModel("pcibr", RequesterId.parse("00:1e.0"), 5);
        DeviceModel fw = new DeviceModel("fw", "pci0", RequesterId.parse("05:01.0"), 0, Optional.empty(),
                List.of(StorageModel.of(StorageKind.MSIX, 4)), Optional.of(bridge));
        DeviceModel vf = new DeviceModel("vf", "pci0", RequesterId.parse("03:00.1"), 0, Optional.empty(),
                List.of(StorageModel.of(StorageKind.MSIX, 4)));
        DeviceModel adi = new DeviceModel("adi", "pci0", RequesterId.parse("03:00.1"), 7, Optional.of("vf"),
                List.of(StorageModel.of(StorageKind.MSIX, 4), StorageModel.of(StorageKind.IMS_QUEUE, 8)));
        Platform platform = Platform.create(platform("Paths").cpus(2, ApicMode.XAPIC)
                .hypervisor(hypervisorWith(true, true, false, MSI, MSIX))
                .bus(new BusModel("pci0", List.of(fw, vf, adi), List.of(bridge)))
                .guest("vm0", 1, List.of("fw", "adi"))
                .build());
        platform.boot();
        IsolationReport report = IsolationAnalysis.analyze(platform);

        Finding byFw = report.findings().stream().filter(f -> f.device().equals("fw")).findFirst().orElseThrow();
        assertThat(byFw.means()).isEqualTo(Means.DMA);
        assertThat(byFw.requesterId()).isEqualTo(RequesterId.parse("05:00.0"));
        assertThat(byFw.path().subList(0, 4)).containsExactly(
                "vm0 programs the DMA of fw to write " + byFw.message() + " (a function it drives may write anything)",
                "fw emits it with requester id 05:01.0",
                "behind bridge pcibr the IOMMU sees it as 05:00.0, the bridge's alias",
                "no interrupt remapping: compatibility format").inOrder();

        // the sub-device's MSI-X is trapped, its IMS queue is guest RAM: the guest writes only the latter
        List<Finding> byAdi = report.findings().stream().filter(f -> f.device().equals("adi")).toList();
        assertThat(byAdi).isNotEmpty();
        for (Finding finding : byAdi) {
            assertThat(finding.means()).isEqualTo(Means.IMS);
            assertThat(finding.path().subList(0, 3)).containsExactly(
                    "vm0 writes " + finding.message() + " into adi ims slot 0",
                    "adi emits it with requester id 03:00.1 (PASID 7, which interrupt remapping does not see)",
                    "no interrupt remapping: compatibility format").inOrder();
        }
        assertThat(report.findings().stream().filter(f -> f.device().equals("vf")).toList()).isEmpty();
        assertThat(report.assignments().stream().map(Assignment::device).toList()).containsExactly("fw", "adi").inOrder();
    }
}
