package dev.irqtopo.runtime.table;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.BridgeModel;
import dev.irqtopo.model.BusModel;
import dev.irqtopo.model.CpuModel;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.ExpectedVerdict;
import dev.irqtopo.model.GuestModel;
import dev.irqtopo.model.HypervisorKind;
import dev.irqtopo.model.HypervisorModel;
import dev.irqtopo.model.IommuKind;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.SourceCheck;
import dev.irqtopo.model.StackModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.StorageModel;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelTableTest {

    /** The sample of the language reference: an SR-IOV function with IMS in queue memory in a guest. */
    static PlatformModel imsInGuest() {
        DeviceModel nic = new DeviceModel("nic", "pci0", RequesterId.of(3, 0, 0), 0, Optional.empty(),
                List.of(StorageModel.of(StorageKind.MSIX, 64)));
        DeviceModel nicvf = new DeviceModel("nicvf", "pci0", RequesterId.of(3, 0, 1), 0, Optional.empty(),
                List.of(StorageModel.of(StorageKind.MSIX, 8), StorageModel.of(StorageKind.IMS_QUEUE, 2048)));
        return new PlatformModel("dev.example.irq", "ImsInGuest",
                "SR-IOV VF with IMS in queue memory, passed through to a KVM guest",
                CpuModel.of(8, ApicMode.X2APIC),
                List.of(new IommuModel("dmar0", IommuKind.VTD, true, 65536, SourceCheck.FULL, false, false, List.of("pci0"))),
                Optional.of(new HypervisorModel(HypervisorKind.KVM, true,
                        Set.of(StorageKind.IMS_DEVICE, StorageKind.MSIX, StorageKind.MSI), true, false)),
                List.of(new BusModel("pci0", List.of(nic, nicvf))),
                List.of(new StackModel("nic", StorageKind.MSIX, Optional.of("dmar0"), false, 4)),
                List.of(new GuestModel("vm0", 4, List.of("nicvf"), List.of(
                        new StackModel("nicvf", StorageKind.MSIX, Optional.empty(), false, 2),
                        new StackModel("nicvf", StorageKind.IMS_QUEUE, Optional.empty(), true, 16)))));
    }

    @Test
    void writesOneRecordPerLineInTheLanguagesWords() {
        assertThat(ModelTable.encode(imsInGuest())).isEqualTo("""
                irqtopo-model 2
                platform dev.example.irq ImsInGuest SR-IOV\\0020VF\\0020with\\0020IMS\\0020in\\0020queue\\0020memory,\\0020passed\\0020through\\0020to\\0020a\\0020KVM\\0020guest -
                cpu 8 x2apic 0
                iommu dmar0 vtd on 65536 full blocked off 1 pci0
                hypervisor kvm visible compose off 3 msi msix ims_device
                bus pci0
                device nic 03:00.0 0 - - 1 msix 64 plain
                device nicvf 03:00.1 0 - - 2 msix 8 plain ims_queue 2048 plain
                host
                stack nic msix dmar0 - 4
                guest vm0 4 1 nicvf
                stack nicvf msix - - 2
                stack nicvf ims_queue - hcall 16
                end
                """);
    }

    @Test
    void decodesWhatItEncodes() {
        assertThat(ModelTable.decode(ModelTable.encode(imsInGuest()))).isEqualTo(imsInGuest());
    }

    @Test
    void partsAreJoinedWhereverTheTextWasCut() {
        String table = ModelTable.encode(imsInGuest());
        assertThat(ModelTable.decode(table.substring(0, 7), table.substring(7, 100), table.substring(100)))
                .isEqualTo(imsInGuest());
    }

    @Test
    void subDevicesExplicitApicIdsAndSegmentsSurvive() {
        DeviceModel parent = new DeviceModel("dsa", "pci1", RequesterId.of(1, 0x6a, 1, 0), 0, Optional.empty(),
                List.of(new StorageModel(StorageKind.MSI, 4, true), StorageModel.of(StorageKind.IMS_DEVICE, 65536)));
        DeviceModel sub = new DeviceModel("wq1", "pci1", RequesterId.of(1, 0x6a, 1, 0), 0xFFFFF, Optional.of("dsa"),
                List.of(StorageModel.of(StorageKind.IMS_DEVICE, 2)));
        PlatformModel model = new PlatformModel("", "Siov", "", new CpuModel(3, ApicMode.XAPIC, List.of(4, 0, 2)),
                List.of(new IommuModel("ivhd0", IommuKind.AMDVI, false, 2048, SourceCheck.FULL, false, false, List.of())),
                Optional.empty(), List.of(new BusModel("pci1", List.of(parent, sub))), List.of(), List.of());
        String table = ModelTable.encode(model);
        assertThat(table).contains("\nplatform ~ Siov ~ -\n");
        assertThat(table).contains("\ncpu 3 xapic 3 4 0 2\n");
        assertThat(table).contains("\ndevice wq1 0001:6a:01.0 1048575 dsa - 1 ims_device 2 plain\n");
        assertThat(ModelTable.decode(table)).isEqualTo(model);
    }

    @Test
    void bridgesTheDevicesBehindThemAndTheExpectedVerdictSurvive() {
        BridgeModel bridge = new BridgeModel("br0", RequesterId.of(0, 0x1e, 0), 5);
        DeviceModel behind = new DeviceModel("nic2", "pci0", RequesterId.of(5, 1, 0), 0, Optional.empty(),
                List.of(StorageModel.of(StorageKind.MSIX, 4)), Optional.of(bridge));
        DeviceModel sub = new DeviceModel("adi", "pci0", RequesterId.of(5, 1, 0), 3, Optional.of("nic2"),
                List.of(StorageModel.of(StorageKind.IMS_QUEUE, 8)), Optional.of(bridge));
        DeviceModel beside = new DeviceModel("nic", "pci0", RequesterId.of(3, 0, 0), 0, Optional.empty(), List.of());
        PlatformModel model = new PlatformModel("", "Bridged", "", CpuModel.of(1, ApicMode.XAPIC), List.of(),
                Optional.empty(), List.of(new BusModel("pci0", List.of(beside, behind, sub),
                        List.of(bridge, new BridgeModel("empty", RequesterId.of(0, 0x1c, 0), 6)))),
                List.of(), List.of(), Optional.of(ExpectedVerdict.BREACH));
        String table = ModelTable.encode(model);
        assertThat(table).contains("\nplatform ~ Bridged ~ breach\n");
        assertThat(table).contains("\nbus pci0\nbridge br0 00:1e.0 5\nbridge empty 00:1c.0 6\n"
                + "device nic 03:00.0 0 - - 0\ndevice nic2 05:01.0 0 - br0 1 msix 4 plain\n"
                + "device adi 05:01.0 3 nic2 br0 1 ims_queue 8 plain\n");
        assertThat(ModelTable.decode(table)).isEqualTo(model);
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> ModelTable.decode(table.replace("- br0 1 msix", "- br9 1 msix"))))
                .hasMessageThat().isEqualTo("model table line 8: no bridge br9 in bus pci0");
    }

    @Test
    void refusesADeviceListedUnderAnotherBus() {
        DeviceModel stray = new DeviceModel("nic", "pci9", RequesterId.of(3, 0, 0), 0, Optional.empty(), List.of());
        PlatformModel model = new PlatformModel("", "P", "", CpuModel.of(1, ApicMode.XAPIC), List.of(), Optional.empty(),
                List.of(new BusModel("pci0", List.of(stray))), List.of(), List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelTable.encode(model));
        assertThat(e).hasMessageThat().contains("names bus pci9 but is listed in bus pci0");
    }

    @Test
    void refusesTruncatedOrForeignText() {
        String table = ModelTable.encode(imsInGuest());
        String withoutEnd = table.substring(0, table.indexOf("end\n"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> ModelTable.decode(withoutEnd)))
                .hasMessageThat().contains("expected end, found the end of the text");
        assertThat(assertThrows(IllegalArgumentException.class, () -> ModelTable.decode(table.substring(0, 60))))
                .hasMessageThat().contains("truncated");
        assertThat(assertThrows(IllegalArgumentException.class, () -> ModelTable.decode("irqtopo-model 1\nend\n")))
                .hasMessageThat().contains("not a model table of this version");
        assertThat(assertThrows(IllegalArgumentException.class, () -> ModelTable.decode(table + "end\n")))
                .hasMessageThat().contains("text after the end");
        String extraField = table.replace("cpu 8 x2apic 0\n", "cpu 8 x2apic 0 7\n");
        assertThat(assertThrows(IllegalArgumentException.class, () -> ModelTable.decode(extraField)))
                .hasMessageThat().isEqualTo("model table line 3: unexpected '7'");
        String badWord = table.replace("visible", "seen");
        assertThat(assertThrows(IllegalArgumentException.class, () -> ModelTable.decode(badWord)))
                .hasMessageThat().contains("expected visible or hidden, found 'seen'");
    }
}
