package dev.irqtopo.compiler.model;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.compiler.SourceResult;
import dev.irqtopo.compiler.TestSources;
import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.BridgeModel;
import dev.irqtopo.model.BusModel;
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

/** The model stage: every default applied, every name resolved. */
class ModelBuilderTest {

    private static PlatformModel build(String text) {
        SourceResult result = TestSources.check(text);
        assertThat(result.diagnostics().stream().filter(d -> d.isError()).toList()).isEmpty();
        return result.platforms().get(0);
    }

    @Test
    void defaultsOfAMinimalPlatform() {
        PlatformModel p = build("""
                platform Min {
                    cpu x86 { cpus 3; }
                    iommu vtd dmar0 { }
                    iommu amdvi ivhd0 { covers pci1; }
                    hypervisor kvm { }
                    bus pci0 { device nic 03:00.1 { msix 8; } }
                    bus pci1 { }
                    guest vm0 { cpus 1; }
                }
                """.replace("iommu vtd dmar0 { }", "iommu vtd dmar0 { covers pci0; }"));
        assertThat(p.javaPackage()).isEmpty();
        assertThat(p.description()).isEmpty();
        assertThat(p.cpu().apic()).isEqualTo(ApicMode.XAPIC);
        assertThat(p.cpu().apicIds()).containsExactly(0, 1, 2).inOrder();

        IommuModel vtd = p.iommu("dmar0").orElseThrow();
        assertThat(vtd).isEqualTo(new IommuModel("dmar0", IommuKind.VTD, true, 65536, SourceCheck.FULL, false, false,
                List.of("pci0")));
        IommuModel amdvi = p.iommu("ivhd0").orElseThrow();
        assertThat(amdvi).isEqualTo(new IommuModel("ivhd0", IommuKind.AMDVI, true, 512, SourceCheck.FULL, false, false,
                List.of("pci1")));

        assertThat(p.hypervisor()).hasValue(new HypervisorModel(HypervisorKind.KVM, true,
                Set.of(StorageKind.MSI, StorageKind.MSIX), false, false));
        assertThat(p.guests()).containsExactly(new GuestModel("vm0", 1, List.of(), List.of()));
        assertThat(p.hostStacks()).isEmpty();
    }

    @Test
    void aSoleIommuWithoutCoversCoversEveryBus() {
        PlatformModel p = build("""
                platform P {
                    cpu x86 { cpus 1; }
                    bus a { }
                    iommu vtd dmar0 { }
                    bus b { }
                }
                """);
        assertThat(p.iommus().get(0).covers()).containsExactly("a", "b").inOrder();
    }

    @Test
    void givenValuesOverrideDefaults() {
        PlatformModel p = build("""
                package dev.example;
                platform P "described" {
                    cpu x86 { cpus 2; apic x2apic; apic_ids 0x10, 3; }
                    iommu vtd dmar0 { remapping off; entries 0x100; source_check bus; compat allowed; posted on; }
                    hypervisor xen { cpuid hidden; traps ims device; hypercall compose; ext_dest_id on; }
                }
                """);
        assertThat(p.javaPackage()).isEqualTo("dev.example");
        assertThat(p.description()).isEqualTo("described");
        assertThat(p.cpu().apic()).isEqualTo(ApicMode.X2APIC);
        assertThat(p.cpu().apicIds()).containsExactly(16, 3).inOrder();
        assertThat(p.iommus()).containsExactly(
                new IommuModel("dmar0", IommuKind.VTD, false, 256, SourceCheck.BUS, true, true, List.of()));
        assertThat(p.hypervisor()).hasValue(new HypervisorModel(HypervisorKind.XEN, false,
                Set.of(StorageKind.IMS_DEVICE), true, true));
    }

    @Test
    void devicesStacksAndGuestsResolved() {
        PlatformModel p = build("""
                platform P {
                    cpu x86 { cpus 4; apic x2apic; }
                    iommu vtd dmar0 { }
                    hypervisor kvm { hypercall compose; }
                    bus pci0 {
                        device dev 0001:04:00.0 { msix 4; msi 2 maskable; ims device 32; }
                        device adi of dev pasid 7 { ims queue 16; }
                    }
                    host {
                        stack dev.msix: vector -> remap dmar0 -> msix alloc 2;
                        stack dev.ims: vector -> remap dmar0 -> ims;
                    }
                    guest vm0 {
                        cpus 2;
                        assign adi;
                        assign adi;
                        stack adi.ims: vector -> hcall -> ims alloc 3;
                    }
                }
                """);
        RequesterId rid = RequesterId.of(1, 4, 0, 0);
        assertThat(p.buses()).containsExactly(new BusModel("pci0", List.of(
                new DeviceModel("dev", "pci0", rid, 0, Optional.empty(), List.of(
                        StorageModel.of(StorageKind.MSIX, 4),
                        new StorageModel(StorageKind.MSI, 2, true),
                        StorageModel.of(StorageKind.IMS_DEVICE, 32))),
                new DeviceModel("adi", "pci0", rid, 7, Optional.of("dev"), List.of(
                        StorageModel.of(StorageKind.IMS_QUEUE, 16))))));
        assertThat(p.hostStacks()).containsExactly(
                new StackModel("dev", StorageKind.MSIX, Optional.of("dmar0"), false, 2),
                new StackModel("dev", StorageKind.IMS_DEVICE, Optional.of("dmar0"), false, 1)).inOrder();
        assertThat(p.guests()).containsExactly(new GuestModel("vm0", 2, List.of("adi"),
                List.of(new StackModel("adi", StorageKind.IMS_QUEUE, Optional.empty(), true, 3))));
        assertThat(p.owner("adi").orElseThrow().name()).isEqualTo("vm0");
    }

    @Test
    void bridgesAndTheDevicesBehindThem() {
        PlatformModel p = build("""
                platform P {
                    cpu x86 { cpus 2; }
                    iommu vtd dmar0 { }
                    bus pci0 {
                        device nic 00:02.0 { msix 4; }
                        bridge pcibr 00:1e.0 {
                            device uart 05:01.0 { msi 1; }
                            device port of nic pasid 2 { ims device 4; }
                            device fw 05:02.0 { msi 1; }
                        }
                        device adi of fw pasid 1 { ims queue 8; }
                        bridge spare 00:1c.0 { }
                    }
                }
                """);
        BridgeModel pcibr = new BridgeModel("pcibr", RequesterId.of(0, 0x1e, 0), 5);
        BridgeModel spare = new BridgeModel("spare", RequesterId.of(0, 0x1c, 0), 1);
        BusModel bus = p.buses().get(0);
        assertThat(bus.bridges()).containsExactly(pcibr, spare).inOrder();
        assertThat(bus.devices().stream().map(DeviceModel::name).toList())
                .containsExactly("nic", "uart", "port", "fw", "adi").inOrder();
        assertThat(p.device("nic").orElseThrow().bridge()).isEmpty();
        assertThat(p.device("uart").orElseThrow().bridge()).hasValue(pcibr);
        assertThat(p.device("fw").orElseThrow().bridge()).hasValue(pcibr);
        // a sub-device sits where its parent is, wherever it is declared
        assertThat(p.device("port").orElseThrow().bridge()).isEmpty();
        assertThat(p.device("adi").orElseThrow().bridge()).hasValue(pcibr);
        assertThat(p.device("adi").orElseThrow().iommuRequesterId()).isEqualTo(RequesterId.of(5, 0, 0));
        assertThat(p.device("fw").orElseThrow().iommuRequesterId()).isEqualTo(pcibr.alias());
        assertThat(p.device("fw").orElseThrow().requesterId()).isEqualTo(RequesterId.of(5, 2, 0));
        assertThat(p.device("nic").orElseThrow().iommuRequesterId()).isEqualTo(RequesterId.of(0, 2, 0));
    }

    @Test
    void anEmptyBridgesSecondaryBusFollowsItsOwn() {
        PlatformModel p = build("""
                platform P {
                    cpu x86 { cpus 1; }
                    bus pci0 { bridge a 0003:07:1c.0 { } bridge b ff:1c.1 { } }
                }
                """);
        assertThat(p.buses().get(0).bridges()).containsExactly(
                new BridgeModel("a", RequesterId.of(3, 7, 0x1c, 0), 8),
                new BridgeModel("b", RequesterId.of(0xff, 0x1c, 1), 0)).inOrder();
    }

    @Test
    void theExpectedVerdict() {
        assertThat(build("platform P { cpu x86 { cpus 1; } expect breach; }").expect())
                .hasValue(ExpectedVerdict.BREACH);
        assertThat(build("platform P { expect isolated; cpu x86 { cpus 1; } }").expect())
                .hasValue(ExpectedVerdict.ISOLATED);
        PlatformModel without = build("platform P { cpu x86 { cpus 1; } }");
        assertThat(without.expect()).isEmpty();
        assertThat(without.expectedVerdict()).isEqualTo(ExpectedVerdict.ISOLATED);
    }

    @Test
    void everyPlatformOfTheFileInOrder() {
        SourceResult result = TestSources.check("platform B { cpu x86 { cpus 1; } }\nplatform A { cpu x86 { cpus 2; } }");
        assertThat(result.platforms().stream().map(PlatformModel::name).toList()).containsExactly("B", "A").inOrder();
    }

    @Test
    void theBundledSampleBuilds() {
        PlatformModel p = build(TestSources.read(TestSources.resource("conformance/scenarios/amdvi-tables.irqtopo")));
        assertThat(p.name()).isEqualTo("AmdViTables");
        assertThat(p.device("adi1").orElseThrow().requesterId()).isEqualTo(RequesterId.of(4, 0, 0));
    }
}
