package dev.irqtopo.model;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rules each model value keeps by itself, whatever built it: the limits of the language and the
 * hardware at their edges (the last value accepted, the first refused), and the lookups by name.
 */
class ModelRulesTest {

    private static final StorageModel MSIX = StorageModel.of(StorageKind.MSIX, 8);

    private static DeviceModel function(String name, String rid, StorageModel... storages) {
        return new DeviceModel(name, "pci0", RequesterId.parse(rid), 0, Optional.empty(), List.of(storages));
    }

    @Test
    void cpusRangeFromOneTo4096WithOneDistinctNonNegativeApicIdEach() {
        assertThat(CpuModel.of(1, ApicMode.XAPIC).apicIds()).containsExactly(0);
        assertThat(CpuModel.of(CpuModel.MAX_CPUS, ApicMode.X2APIC).count()).isEqualTo(4096);
        assertThrows(IllegalArgumentException.class, () -> CpuModel.of(0, ApicMode.XAPIC));
        assertThrows(IllegalArgumentException.class, () -> CpuModel.of(CpuModel.MAX_CPUS + 1, ApicMode.X2APIC));

        CpuModel custom = new CpuModel(2, ApicMode.XAPIC, List.of(0, 4));
        assertThat(custom.apicId(1)).isEqualTo(4);
        assertThat(assertThrows(IllegalArgumentException.class, () -> new CpuModel(2, ApicMode.XAPIC, List.of(0))))
                .hasMessageThat().isEqualTo("1 APIC IDs for 2 CPUs");
        assertThat(assertThrows(IllegalArgumentException.class, () -> new CpuModel(2, ApicMode.XAPIC, List.of(3, 3))))
                .hasMessageThat().contains("repeated APIC ID");
        assertThat(assertThrows(IllegalArgumentException.class, () -> new CpuModel(2, ApicMode.XAPIC, List.of(0, -1))))
                .hasMessageThat().isEqualTo("negative APIC ID -1");
    }

    @Test
    void guestsHaveOneTo4096Cpus() {
        assertThat(new GuestModel("vm0", 1, List.of(), List.of()).cpus()).isEqualTo(1);
        assertThat(new GuestModel("vm0", CpuModel.MAX_CPUS, List.of(), List.of()).cpus()).isEqualTo(4096);
        assertThrows(IllegalArgumentException.class, () -> new GuestModel("vm0", 0, List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new GuestModel("vm0", CpuModel.MAX_CPUS + 1, List.of(), List.of()));
    }

    @Test
    void requesterIdFieldsKeepToTheirWidths() {
        assertThat(RequesterId.of(0xFFFF, 0xFF, 0x1F, 7).toString()).isEqualTo("ffff:ff:1f.7");
        assertThrows(IllegalArgumentException.class, () -> RequesterId.of(0x10000, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> RequesterId.of(-1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> RequesterId.of(0x100, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> RequesterId.of(-1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> RequesterId.of(0, 0x20, 0));
        assertThrows(IllegalArgumentException.class, () -> RequesterId.of(0, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> RequesterId.of(0, 0, 8));
        assertThrows(IllegalArgumentException.class, () -> RequesterId.of(0, 0, -1));
        assertThat(assertThrows(IllegalArgumentException.class, () -> RequesterId.parse("03:20.0")))
                .hasMessageThat().isEqualTo("requester id device 0x20 outside 0..0x1f");
    }

    @Test
    void aRequesterIdMayNameItsSegment() {
        RequesterId withSegment = RequesterId.parse("0001:03:00.1");
        assertThat(withSegment).isEqualTo(RequesterId.of(1, 3, 0, 1));
        assertThat(withSegment.toString()).isEqualTo("0001:03:00.1");
        assertThat(RequesterId.parse("03:00.1").segment()).isEqualTo(0);
        assertThat(RequesterId.parse("0000:03:00.1").toString()).isEqualTo("03:00.1");
        assertThrows(IllegalArgumentException.class, () -> RequesterId.parse("03.00.1"));
    }

    @Test
    void aBridgesSecondaryBusIsAnotherBusNumber() {
        RequesterId bridgeRid = RequesterId.parse("00:1e.0");
        assertThat(new BridgeModel("br", bridgeRid, 0xFF).alias()).isEqualTo(RequesterId.of(0xFF, 0, 0));
        assertThat(new BridgeModel("br", bridgeRid, 1).alias()).isEqualTo(RequesterId.of(1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new BridgeModel("br", bridgeRid, 0x100));
        assertThrows(IllegalArgumentException.class, () -> new BridgeModel("br", bridgeRid, -1));
        assertThat(assertThrows(IllegalArgumentException.class, () -> new BridgeModel("br", bridgeRid, 0)))
                .hasMessageThat().contains("its own bus");
    }

    @Test
    void aDeviceBehindABridgeSitsOnItsSecondaryBusInItsSegment() {
        BridgeModel bridge = new BridgeModel("br", RequesterId.parse("00:1e.0"), 5);
        DeviceModel behind = new DeviceModel("fw", "pci0", RequesterId.parse("05:01.0"), 0, Optional.empty(),
                List.of(MSIX), Optional.of(bridge));
        assertThat(behind.iommuRequesterId()).isEqualTo(RequesterId.parse("05:00.0"));
        assertThat(function("nic", "03:00.0", MSIX).iommuRequesterId()).isEqualTo(RequesterId.parse("03:00.0"));

        assertThrows(IllegalArgumentException.class, () -> new DeviceModel("fw", "pci0", RequesterId.parse("06:01.0"), 0,
                Optional.empty(), List.of(MSIX), Optional.of(bridge)));
        assertThrows(IllegalArgumentException.class, () -> new DeviceModel("fw", "pci0", RequesterId.parse("0001:05:01.0"),
                0, Optional.empty(), List.of(MSIX), Optional.of(bridge)));

        assertThat(new BusModel("pci0", List.of(behind), List.of(bridge)).devices()).containsExactly(behind);
        assertThat(assertThrows(IllegalArgumentException.class, () -> new BusModel("pci1", List.of(behind))))
                .hasMessageThat().contains("behind a bridge of another bus");
    }

    @Test
    void aSubDeviceHasAParentAndAPasidAndAFunctionNeither() {
        DeviceModel sub = new DeviceModel("adi", "pci0", RequesterId.parse("03:00.0"), DeviceModel.MAX_PASID,
                Optional.of("nic"), List.of(StorageModel.of(StorageKind.IMS_QUEUE, 8)));
        assertThat(sub.isSubDevice()).isTrue();
        assertThat(function("nic", "03:00.0", MSIX).isSubDevice()).isFalse();

        assertThrows(IllegalArgumentException.class, () -> new DeviceModel("adi", "pci0", RequesterId.parse("03:00.0"), 0,
                Optional.of("nic"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new DeviceModel("adi", "pci0", RequesterId.parse("03:00.0"), 1,
                Optional.empty(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new DeviceModel("adi", "pci0", RequesterId.parse("03:00.0"),
                DeviceModel.MAX_PASID + 1, Optional.of("nic"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new DeviceModel("adi", "pci0", RequesterId.parse("03:00.0"), -1,
                Optional.of("nic"), List.of()));
    }

    @Test
    void aDeviceDeclaresEachStorageAndOneImsAtMost() {
        StorageModel msi = StorageModel.of(StorageKind.MSI, 4);
        StorageModel imsDevice = StorageModel.of(StorageKind.IMS_DEVICE, 16);
        StorageModel imsQueue = StorageModel.of(StorageKind.IMS_QUEUE, 16);
        DeviceModel nic = function("nic", "03:00.0", msi, MSIX, imsQueue);

        assertThat(nic.storage(BusDomainKind.MSIX)).hasValue(MSIX);
        assertThat(nic.storage(BusDomainKind.IMS)).hasValue(imsQueue);
        assertThat(nic.storage(StorageKind.MSI)).hasValue(msi);
        assertThat(nic.storage(StorageKind.IMS_DEVICE)).isEmpty();
        assertThat(function("ahci", "00:1f.2", msi).storage(BusDomainKind.MSIX)).isEmpty();

        assertThrows(IllegalArgumentException.class, () -> function("nic", "03:00.0", MSIX, StorageModel.of(StorageKind.MSIX, 4)));
        assertThat(assertThrows(IllegalArgumentException.class, () -> function("nic", "03:00.0", imsDevice, imsQueue)))
                .hasMessageThat().contains("declares a storage twice");
    }

    @Test
    void remappingUnitsHaveAPowerOfTwoEntriesUpToTheirKindsLimit() {
        IommuModel vtd = new IommuModel("dmar0", IommuKind.VTD, true, IommuModel.VTD_MAX_ENTRIES, SourceCheck.FULL, false,
                false, List.of("pci0"));
        assertThat(vtd.covers("pci0")).isTrue();
        assertThat(vtd.covers("pci1")).isFalse();
        assertThat(new IommuModel("ivhd0", IommuKind.AMDVI, true, IommuModel.AMDVI_MAX_ENTRIES, SourceCheck.FULL, false,
                false, List.of()).entries()).isEqualTo(2048);
        assertThat(new IommuModel("ivhd0", IommuKind.AMDVI, true, 1, SourceCheck.FULL, false, false, List.of()).entries())
                .isEqualTo(1);

        assertThrows(IllegalArgumentException.class, () -> new IommuModel("ivhd0", IommuKind.AMDVI, true, 4096,
                SourceCheck.FULL, false, false, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new IommuModel("dmar0", IommuKind.VTD, true, 131072,
                SourceCheck.FULL, false, false, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new IommuModel("dmar0", IommuKind.VTD, true, 0,
                SourceCheck.FULL, false, false, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new IommuModel("dmar0", IommuKind.VTD, true, 48,
                SourceCheck.FULL, false, false, List.of()));
    }

    @Test
    void aChainHasARemapOrAnHcallLinkNotBothAndAllocatesOneAtLeast() {
        assertThat(new StackModel("nic", StorageKind.MSIX, Optional.of("dmar0"), false, 1).chain())
                .containsExactly("vector", "remap dmar0", "msix").inOrder();
        assertThat(new StackModel("q", StorageKind.IMS_QUEUE, Optional.empty(), true, 1).chain())
                .containsExactly("vector", "hcall", "ims").inOrder();
        assertThat(new StackModel("vf", StorageKind.MSIX, Optional.empty(), false, 1).chain())
                .containsExactly("vector", "msix").inOrder();

        assertThrows(IllegalArgumentException.class,
                () -> new StackModel("nic", StorageKind.MSIX, Optional.of("dmar0"), true, 1));
        assertThrows(IllegalArgumentException.class, () -> new StackModel("nic", StorageKind.MSIX, Optional.empty(), false, 0));
    }

    @Test
    void queueMemoryCannotBeTrapped() {
        HypervisorModel hv = new HypervisorModel(HypervisorKind.KVM, true,
                EnumSet.of(StorageKind.MSI, StorageKind.IMS_DEVICE), true, false);
        assertThat(hv.traps(StorageKind.IMS_DEVICE)).isTrue();
        assertThat(hv.guestWritesReachDevice(StorageKind.MSIX)).isTrue();
        assertThat(hv.guestWritesReachDevice(StorageKind.MSI)).isFalse();
        assertThrows(IllegalArgumentException.class, () -> new HypervisorModel(HypervisorKind.KVM, true,
                EnumSet.of(StorageKind.IMS_QUEUE), true, false));
        assertThat(new HypervisorModel(HypervisorKind.KVM, false, EnumSet.noneOf(StorageKind.class), true, false)
                .composeHypercallUsable()).isFalse();
    }

    @Test
    void aPlatformFindsItsGuestsUnitsDevicesAndOwnersByName() {
        IommuModel dmar0 = new IommuModel("dmar0", IommuKind.VTD, true, 256, SourceCheck.FULL, false, false,
                List.of("pci0"));
        IommuModel dmar1 = new IommuModel("dmar1", IommuKind.VTD, true, 256, SourceCheck.FULL, false, false,
                List.of("pci1"));
        DeviceModel nic = function("nic", "03:00.0", MSIX);
        DeviceModel vf = function("vf", "03:00.1", MSIX);
        DeviceModel other = new DeviceModel("other", "pci1", RequesterId.parse("04:00.0"), 0, Optional.empty(), List.of(MSIX));
        GuestModel vm0 = new GuestModel("vm0", 1, List.of("nic"), List.of());
        GuestModel vm1 = new GuestModel("vm1", 1, List.of("vf"), List.of());
        HypervisorModel hv = new HypervisorModel(HypervisorKind.KVM, true, java.util.Set.of(StorageKind.MSI, StorageKind.MSIX), false, false);
        PlatformModel model = new PlatformModel("p", "P", "", CpuModel.of(2, ApicMode.X2APIC), List.of(dmar0, dmar1),
                Optional.of(hv), List.of(new BusModel("pci0", List.of(nic, vf)), new BusModel("pci1", List.of(other))),
                List.of(), List.of(vm0, vm1));

        assertThat(model.guest("vm1")).hasValue(vm1);
        assertThat(model.guest("vm2")).isEmpty();
        assertThat(model.iommu("dmar1")).hasValue(dmar1);
        assertThat(model.iommu("dmar2")).isEmpty();
        assertThat(model.owner("vf")).hasValue(vm1);
        assertThat(model.owner("other")).isEmpty();
        assertThat(model.device("other")).hasValue(other);
        assertThat(model.iommuCovering(other)).hasValue(dmar1);
        assertThat(model.devices()).containsExactly(nic, vf, other).inOrder();
        assertThat(model.expectedVerdict()).isEqualTo(ExpectedVerdict.ISOLATED);

        assertThat(assertThrows(IllegalArgumentException.class, () -> new PlatformModel("p", "P", "",
                CpuModel.of(2, ApicMode.X2APIC), List.of(), Optional.empty(), List.of(), List.of(), List.of(vm0))))
                .hasMessageThat().contains("has guests and no hypervisor");
        assertThat(new PlatformModel("p", "P", "", CpuModel.of(2, ApicMode.X2APIC), List.of(), Optional.of(hv), List.of(),
                List.of(), List.of()).guests()).isEmpty();
    }
}
