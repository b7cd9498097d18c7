package dev.irqtopo.compiler.parse;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.compiler.ast.BridgeDecl;
import dev.irqtopo.compiler.ast.BusDecl;
import dev.irqtopo.compiler.ast.CpuProp;
import dev.irqtopo.compiler.ast.DeviceAddress;
import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.ExpectDecl;
import dev.irqtopo.compiler.ast.GuestDecl;
import dev.irqtopo.compiler.ast.GuestItem;
import dev.irqtopo.compiler.ast.HypervisorBlock;
import dev.irqtopo.compiler.ast.HypervisorProp;
import dev.irqtopo.compiler.ast.IommuDecl;
import dev.irqtopo.compiler.ast.IommuProp;
import dev.irqtopo.compiler.ast.IrqtopoFile;
import dev.irqtopo.compiler.ast.Link;
import dev.irqtopo.compiler.ast.Name;
import dev.irqtopo.compiler.ast.Platform;
import dev.irqtopo.compiler.ast.Pos;
import dev.irqtopo.compiler.ast.Rid;
import dev.irqtopo.compiler.ast.StackDecl;
import dev.irqtopo.compiler.ast.StorageDecl;
import dev.irqtopo.compiler.ast.Word;
import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.ExpectedVerdict;
import dev.irqtopo.model.HypervisorKind;
import dev.irqtopo.model.IommuKind;
import dev.irqtopo.model.SourceCheck;
import dev.irqtopo.model.StorageKind;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every construct of the language, parsed into the AST with its positions. */
class SourceParserTest {

    private static IrqtopoFile parse(String text) {
        ParseResult result = SourceParser.parse("t.irqtopo", text);
        assertThat(result.diagnostics()).isEmpty();
        return result.file().orElseThrow();
    }

    private static Platform platform(String body) {
        return parse("platform P {\n" + body + "\n}\n").platforms().get(0);
    }

    @Test
    void packageAndPlatforms() {
        IrqtopoFile file = parse("package dev.irqtopo.device;\nplatform A \"the \\\"A\\\" \\\\ one\" { }\nplatform B { }");
        assertThat(file.packageDecl().orElseThrow().qualifiedName()).isEqualTo("dev.irqtopo.device");
        assertThat(file.packageDecl().get().parts().get(2)).isEqualTo(new Name("device", new Pos(1, 21), true));
        assertThat(file.platforms()).hasSize(2);
        Platform a = file.platforms().get(0);
        assertThat(a.at()).isEqualTo(new Pos(2, 1));
        assertThat(a.name()).isEqualTo(new Name("A", new Pos(2, 10), false));
        assertThat(a.description()).hasValue("the \"A\" \\ one");
        assertThat(file.platforms().get(1).description()).isEmpty();
    }

    @Test
    void fileWithoutPackage() {
        assertThat(parse("platform A { }").packageDecl()).isEmpty();
    }

    @Test
    void cpuBlock() {
        Platform p = platform("    cpu x86 { cpus 4; apic x2apic; apic_ids 0, 0x2, 4_0; }");
        var cpu = p.cpuBlocks().get(0);
        assertThat(cpu.at()).isEqualTo(new Pos(2, 5));
        CpuProp.Cpus cpus = cpu.props(CpuProp.Cpus.class).get(0);
        assertThat(cpus.count().value()).isEqualTo(BigInteger.valueOf(4));
        assertThat(cpus.count().pos()).isEqualTo(new Pos(2, 20));
        assertThat(cpu.props(CpuProp.Apic.class).get(0).mode()).isEqualTo(new Word<>(ApicMode.X2APIC, new Pos(2, 28)));
        assertThat(cpu.props(CpuProp.ApicIds.class).get(0).ids().stream().map(n -> n.value().intValue()).toList())
                .containsExactly(0, 2, 40).inOrder();
    }

    @Test
    void iommuBlocks() {
        Platform p = platform("iommu vtd dmar0 { remapping off; entries 256; source_check bus; compat allowed; "
                + "posted on; covers pci0, pci1; }\niommu amdvi ivhd0 { }");
        IommuDecl vtd = p.iommus().get(0);
        assertThat(vtd.kind()).isEqualTo(IommuKind.VTD);
        assertThat(vtd.name().text()).isEqualTo("dmar0");
        assertThat(vtd.prop(IommuProp.Remapping.class).orElseThrow().on()).isFalse();
        assertThat(vtd.prop(IommuProp.Entries.class).orElseThrow().count().value()).isEqualTo(BigInteger.valueOf(256));
        assertThat(vtd.prop(IommuProp.SourceCheckProp.class).orElseThrow().value()).isEqualTo(SourceCheck.BUS);
        assertThat(vtd.prop(IommuProp.Compat.class).orElseThrow().allowed()).isTrue();
        assertThat(vtd.prop(IommuProp.Posted.class).orElseThrow().on()).isTrue();
        assertThat(vtd.prop(IommuProp.Covers.class).orElseThrow().buses().stream().map(Name::text).toList())
                .containsExactly("pci0", "pci1").inOrder();
        assertThat(p.iommus().get(1).kind()).isEqualTo(IommuKind.AMDVI);
        assertThat(p.iommus().get(1).props()).isEmpty();
    }

    @Test
    void hypervisorBlock() {
        Platform p = platform("hypervisor hyperv { cpuid hidden; traps msi, msix, ims device, ims queue; "
                + "hypercall compose; ext_dest_id on; }");
        HypervisorBlock hv = p.hypervisorBlocks().get(0);
        assertThat(hv.kind()).isEqualTo(HypervisorKind.HYPERV);
        assertThat(hv.prop(HypervisorProp.Cpuid.class).orElseThrow().visible()).isFalse();
        List<Word<StorageKind>> traps = hv.prop(HypervisorProp.Traps.class).orElseThrow().storages();
        assertThat(traps.stream().map(Word::value).toList()).containsExactly(
                StorageKind.MSI, StorageKind.MSIX, StorageKind.IMS_DEVICE, StorageKind.IMS_QUEUE).inOrder();
        assertThat(traps.get(3).pos()).isEqualTo(new Pos(2, 64));
        assertThat(hv.prop(HypervisorProp.Hypercall.class).orElseThrow().compose()).isTrue();
        assertThat(hv.prop(HypervisorProp.ExtDestId.class).orElseThrow().on()).isTrue();
        assertThat(platform("hypervisor xen { cpuid visible; hypercall none; ext_dest_id off; }")
                .hypervisorBlocks().get(0).kind()).isEqualTo(HypervisorKind.XEN);
    }

    @Test
    void busesAndDevices() {
        Platform p = platform("bus pci0 {\n"
                + "  device nic 0000:a0:1f.7 { msi 4 maskable; msix 64; }\n"
                + "  device adi of nic pasid 0x10 { ims queue 8; ims device 2; }\n"
                + "}");
        DeviceDecl nic = p.devices().get(0);
        assertThat(nic.bus().text()).isEqualTo("pci0");
        Rid rid = ((DeviceAddress.Function) nic.address()).rid();
        assertThat(rid.pos()).isEqualTo(new Pos(3, 14));
        assertThat(rid.segment()).hasValue(BigInteger.ZERO);
        assertThat(List.of(rid.bus(), rid.device(), rid.function()))
                .containsExactly(BigInteger.valueOf(0xa0), BigInteger.valueOf(0x1f), BigInteger.valueOf(7)).inOrder();
        assertThat(nic.storages()).containsExactly(
                new StorageDecl(new Pos(3, 29), StorageKind.MSI, nic.storages().get(0).size(), true),
                new StorageDecl(new Pos(3, 45), StorageKind.MSIX, nic.storages().get(1).size(), false)).inOrder();
        DeviceDecl adi = p.devices().get(1);
        assertThat(adi.isSubDevice()).isTrue();
        DeviceAddress.SubDevice sub = (DeviceAddress.SubDevice) adi.address();
        assertThat(sub.parent()).isEqualTo(new Name("nic", new Pos(4, 17), false));
        assertThat(sub.pasid().value()).isEqualTo(BigInteger.valueOf(16));
        assertThat(adi.storages().stream().map(StorageDecl::kind).toList())
                .containsExactly(StorageKind.IMS_QUEUE, StorageKind.IMS_DEVICE).inOrder();
    }

    @Test
    void bridgesInABusBlock() {
        Platform p = platform("bus pci0 {\n"
                + "  device nic 00:02.0 { msix 4; }\n"
                + "  bridge pcibr 00:1e.0 {\n"
                + "    device uart 05:01.0 { msi 1; }\n"
                + "    device port of nic pasid 1 { ims queue 2; }\n"
                + "  }\n"
                + "  device hba 01:00.0 { }\n"
                + "  bridge spare 0001:00:1c.0 { }\n"
                + "}");
        BusDecl bus = p.buses().get(0);
        // devices in source order, those of a bridge where its block stands
        assertThat(bus.devices().stream().map(d -> d.name().text()).toList())
                .containsExactly("nic", "uart", "port", "hba").inOrder();
        assertThat(bus.devices().stream().allMatch(d -> d.bus().text().equals("pci0"))).isTrue();
        assertThat(p.bridges()).isEqualTo(bus.bridges());
        BridgeDecl pcibr = bus.bridges().get(0);
        assertThat(pcibr.at()).isEqualTo(new Pos(4, 3));
        assertThat(pcibr.name()).isEqualTo(new Name("pcibr", new Pos(4, 10), false));
        assertThat(pcibr.rid().pos()).isEqualTo(new Pos(4, 16));
        assertThat(pcibr.rid().device()).isEqualTo(BigInteger.valueOf(0x1e));
        assertThat(pcibr.devices().stream().map(d -> d.name().text()).toList()).containsExactly("uart", "port").inOrder();
        BridgeDecl spare = bus.bridges().get(1);
        assertThat(spare.devices()).isEmpty();
        assertThat(spare.rid().segment()).hasValue(BigInteger.ONE);
    }

    @Test
    void expectLines() {
        Platform p = platform("expect isolated;\ncpu x86 { }\n  expect breach;");
        assertThat(p.expects()).containsExactly(
                new ExpectDecl(new Pos(2, 1), new Word<>(ExpectedVerdict.ISOLATED, new Pos(2, 8))),
                new ExpectDecl(new Pos(4, 3), new Word<>(ExpectedVerdict.BREACH, new Pos(4, 10)))).inOrder();
        assertThat(p.items().get(0)).isInstanceOf(ExpectDecl.class);
    }

    @Test
    void iommuValuesKeepTheirPositions() {
        IommuDecl vtd = platform("iommu vtd d { remapping off; source_check bus; compat allowed; }").iommus().get(0);
        assertThat(vtd.prop(IommuProp.Remapping.class).orElseThrow().word()).isEqualTo(new Pos(2, 25));
        assertThat(vtd.prop(IommuProp.SourceCheckProp.class).orElseThrow().word()).isEqualTo(new Pos(2, 43));
        assertThat(vtd.prop(IommuProp.Compat.class).orElseThrow().word()).isEqualTo(new Pos(2, 55));
    }

    @Test
    void versionTwoKeywordsParseWhereNamesBelong() {
        Platform p = platform("bus expect { bridge breach 00:1e.0 { device isolated 05:00.0 { } } }\n"
                + "guest bridge { assign isolated; }");
        assertThat(p.buses().get(0).name().keyword()).isTrue();
        assertThat(p.bridges().get(0).name()).isEqualTo(new Name("breach", new Pos(2, 21), true));
        assertThat(p.devices().get(0).name().keyword()).isTrue();
        assertThat(p.guests().get(0).name().keyword()).isTrue();
        assertThat(p.guests().get(0).assigned().get(0).keyword()).isTrue();
    }

    @Test
    void requesterIdWithoutSegment() {
        Rid rid = ((DeviceAddress.Function) platform("bus b { device d 3:0.1 { } }").devices().get(0).address()).rid();
        assertThat(rid.segment()).isEmpty();
        assertThat(rid.bus()).isEqualTo(BigInteger.valueOf(3));
        assertThat(rid.function()).isEqualTo(BigInteger.ONE);
    }

    @Test
    void hostAndGuestStacks() {
        Platform p = platform("host { stack nic.msix: vector -> remap dmar0 -> msix alloc 4; }\n"
                + "guest vm0 { cpus 2; assign a, b; assign c; stack a.ims: vector -> hcall -> ims; }");
        StackDecl host = p.hostStacks().get(0);
        assertThat(host.at()).isEqualTo(new Pos(2, 8));
        assertThat(host.device()).isEqualTo(new Name("nic", new Pos(2, 14), false));
        assertThat(host.busDomain()).isEqualTo(new Word<>(BusDomainKind.MSIX, new Pos(2, 18)));
        assertThat(host.chain()).containsExactly(new Link.Vector(new Pos(2, 24)),
                new Link.Remap(new Pos(2, 34), new Name("dmar0", new Pos(2, 40), false)),
                new Link.Bus(new Pos(2, 49), BusDomainKind.MSIX)).inOrder();
        assertThat(host.alloc().orElseThrow().value()).isEqualTo(BigInteger.valueOf(4));
        assertThat(host.end()).isEqualTo(new Pos(2, 61));

        GuestDecl guest = p.guests().get(0);
        assertThat(guest.name().text()).isEqualTo("vm0");
        assertThat(guest.cpus()).containsExactly(new GuestItem.Cpus(new Pos(3, 13), guest.cpus().get(0).count()));
        assertThat(guest.assigned().stream().map(Name::text).toList()).containsExactly("a", "b", "c").inOrder();
        StackDecl stack = guest.stacks().get(0);
        assertThat(stack.hcall()).isPresent();
        assertThat(stack.remap()).isEmpty();
        assertThat(stack.alloc()).isEmpty();
    }

    @Test
    void keywordsParseWhereNamesBelong() {
        Platform p = platform("bus queue { device device of of pasid 1 { } }\n"
                + "host { stack host.msi: vector -> remap vector -> msi; }");
        assertThat(p.buses().get(0).name()).isEqualTo(new Name("queue", new Pos(2, 5), true));
        DeviceDecl device = p.devices().get(0);
        assertThat(device.name().keyword()).isTrue();
        assertThat(device.parent().orElseThrow()).isEqualTo(new Name("of", new Pos(2, 30), true));
        StackDecl stack = p.hostStacks().get(0);
        assertThat(stack.device().keyword()).isTrue();
        assertThat(stack.remap().orElseThrow().iommu()).isEqualTo(new Name("vector", new Pos(3, 40), true));
    }

    @Test
    void blocksKeepSourceOrderAndRepeats() {
        Platform p = platform("host { } cpu x86 { } host { } cpu x86 { }");
        assertThat(p.hostBlocks()).hasSize(2);
        assertThat(p.cpuBlocks()).hasSize(2);
        assertThat(p.items().get(0).at()).isEqualTo(new Pos(2, 1));
        assertThat(p.items().get(3).at()).isEqualTo(new Pos(2, 31));
    }

    @Test
    void tabsCountAsOneColumn() {
        Platform p = parse("platform\tP {\n\t\tcpu x86 { }\n}").platforms().get(0);
        assertThat(p.name().pos()).isEqualTo(new Pos(1, 10));
        assertThat(p.cpuBlocks().get(0).at()).isEqualTo(new Pos(2, 3));
    }
}
