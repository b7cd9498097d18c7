package dev.irqtopo.model.table;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.BridgeModel;
import dev.irqtopo.model.BusModel;
import dev.irqtopo.model.CpuModel;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.ExpectedVerdict;
import dev.irqtopo.model.GuestModel;
import dev.irqtopo.model.KernelProfile;
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
                platform dev.example.irq ImsInGuest SR-IOV\\0020VF\\0020with\\0020IMS\\0020in\\0020queue\\0020memory,\\0020passed\\0020through\\0020to\\0020a\\0020KVM\\0020guest
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
        assertThat(table).contains("\nplatform ~ Siov ~\n");
        assertThat(table).contains("\ncpu 3 xapic 3 4 0 2\n");
        assertThat(table).contains("\ndevice wq1 0001:6a:01.0 1048575 dsa - 1 ims_device 2 plain\n");
        assertThat(ModelTable.decode(table)).isEqualTo(model);
    }

    /** Two buses: bridges of the second, a device and a sub-device behind one, and an empty bridge. */
    static PlatformModel bridged() {
        BridgeModel pcibr = new BridgeModel("pcibr", RequesterId.of(0, 0x1e, 0), 5);
        BridgeModel spare = new BridgeModel("spare", RequesterId.of(2, 0, 0x1c, 0), 3);
        DeviceModel nic = new DeviceModel("nic", "pci0", RequesterId.of(0, 2, 0), 0, Optional.empty(),
                List.of(StorageModel.of(StorageKind.MSIX, 4)));
        DeviceModel uart = new DeviceModel("uart", "pci1", RequesterId.of(5, 1, 0), 0, Optional.empty(),
                List.of(StorageModel.of(StorageKind.MSI, 1)), Optional.of(pcibr));
        DeviceModel hba = new DeviceModel("hba", "pci1", RequesterId.of(1, 0, 0), 0, Optional.empty(),
                List.of(StorageModel.of(StorageKind.IMS_DEVICE, 8)));
        DeviceModel port = new DeviceModel("port", "pci1", RequesterId.of(5, 1, 0), 3, Optional.of("uart"),
                List.of(StorageModel.of(StorageKind.IMS_QUEUE, 2)), Optional.of(pcibr));
        return new PlatformModel("", "Bridged", "", CpuModel.of(2, ApicMode.X2APIC), List.of(), Optional.empty(),
                List.of(new BusModel("pci0", List.of(nic)),
                        new BusModel("pci1", List.of(uart, hba, port), List.of(pcibr, spare))),
                List.of(), List.of(), Optional.of(ExpectedVerdict.BREACH));
    }

    @Test
    void bridgesAndTheExpectedVerdictSurvive() {
        String table = ModelTable.encode(bridged());
        assertThat(table).isEqualTo("""
                irqtopo-model 2
                platform ~ Bridged ~
                expect breach
                cpu 2 x2apic 0
                bus pci0
                device nic 00:02.0 0 - - 1 msix 4 plain
                bus pci1
                bridge pcibr 00:1e.0 5
                bridge spare 0002:00:1c.0 3
                device uart 05:01.0 0 - 0 1 msi 1 plain
                device hba 01:00.0 0 - - 1 ims_device 8 plain
                device port 05:01.0 3 uart 0 1 ims_queue 2 plain
                host
                end
                """);
        PlatformModel decoded = ModelTable.decode(table);
        assertThat(decoded).isEqualTo(bridged());
        assertThat(decoded.device("port").orElseThrow().iommuRequesterId()).isEqualTo(RequesterId.of(5, 0, 0));
        assertThat(decoded.expectedVerdict()).isEqualTo(ExpectedVerdict.BREACH);
    }

    @Test
    void withoutAnExpectLineThePlatformMustBeIsolated() {
        String table = ModelTable.encode(imsInGuest());
        assertThat(table).doesNotContain("\nexpect");
        assertThat(ModelTable.decode(table).expect()).isEmpty();
        String isolated = table.replace("\ncpu ", "\nexpect isolated\ncpu ");
        assertThat(ModelTable.decode(isolated).expect()).hasValue(ExpectedVerdict.ISOLATED);
    }

    @Test
    void refusesABridgeTheBusDoesNotHaveAndAnUnknownVerdict() {
        String table = ModelTable.encode(bridged());
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> ModelTable.decode(table.replace("uart 05:01.0 0 - 0", "uart 05:01.0 0 - 2"))))
                .hasMessageThat().contains("has no bridge 2");
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> ModelTable.decode(table.replace("expect breach", "expect safe"))))
                .hasMessageThat().contains("unknown expected verdict 'safe'");
        // the records refuse a device that is not on its bridge's secondary bus
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> ModelTable.decode(table.replace("hba 01:00.0 0 - -", "hba 01:00.0 0 - 0"))))
                .hasMessageThat().contains("not on the secondary bus of bridge pcibr");
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

    @Test
    void aKernelOtherThanTheDesignProfileGetsALineAfterItsKernelsOwn() {
        PlatformModel linux = bridged().withKernel(KernelProfile.LINUX_6_6);
        String table = ModelTable.encode(linux);
        assertThat(table).contains("host\nkernel linux-6.6\n");
        assertThat(ModelTable.decode(table)).isEqualTo(linux);
        assertThat(ModelTable.encode(bridged())).doesNotContain("kernel");
    }
}
