package dev.irqtopo.cli.explain;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.compiler.TestSources;
import dev.irqtopo.model.PlatformModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a guest can make each of its devices emit, with which requester id, and what stops it (§6, §7). */
class DmaPathsTest {

    private static PlatformModel platform(String body) {
        List<PlatformModel> platforms = TestSources.check("package dev.x;\nplatform P {\n" + body + "}\n").platforms();
        assertThat(platforms).hasSize(1);
        return platforms.get(0);
    }

    @Test
    void aFunctionEmitsAnythingByDmaWhateverIsTrapped() {
        DmaPath path = DmaPaths.explain(platform("    cpu x86 { cpus 2; apic x2apic; }\n"
                + "    iommu vtd dmar0 { compat allowed; }\n    hypervisor kvm { traps msi, msix, ims device; }\n"
                + "    bus pci0 { device vf 03:00.1 { msix 4; ims device 8; } }\n"
                + "    guest vm0 { cpus 1; assign vf; }\n")).get(0);
        assertThat(path.title()).isEqualTo("vm0: assigned vf, function 03:00.1");
        assertThat(path.row(DmaPaths.EMITS)).isEqualTo("any memory write: vm0 programs its DMA");
        assertThat(path.row(DmaPaths.SEEN_AS)).isEqualTo("03:00.1, its own requester id");
        assertThat(path.row(DmaPaths.STOPPED_BY)).isEqualTo("dmar0's interrupt remapping (vtd)");
        assertThat(path.row(DmaPaths.REMAPPABLE))
                .isEqualTo("SVT 01 (source_check full): only entries with SID 03:00.1 accept it");
        // version 2: x2APIC mode blocks compatibility format, compat allowed or not
        assertThat(path.row(DmaPaths.COMPAT))
                .isEqualTo("blocked (fault 0x25): VT-d in x2APIC mode blocks it, compat allowed notwithstanding");
        assertThat(path.row(DmaPaths.STORES)).isEqualTo("msix 4 trapped, ims device 8 trapped; no trap limits DMA");
        assertThat(path.row(DmaPaths.SHARES)).isEqualTo("03:00.1 with no other device");
        assertThat(path.rows().stream().map(DmaPath.Row::label).toList()).containsExactly("emits", "seen as",
                "stopped by", "remappable", "compat", "entries", "stores", "shares").inOrder();
    }

    @Test
    void nothingStopsAFunctionNoRemappingCovers() {
        DmaPath path = DmaPaths.explain(platform("    cpu x86 { cpus 2; }\n    hypervisor kvm { }\n"
                + "    bus pci0 { device vf 03:00.1 { msix 4; } }\n    guest vm0 { cpus 1; assign vf; }\n")).get(0);
        assertThat(path.row(DmaPaths.STOPPED_BY))
                .isEqualTo("nothing: no interrupt remapping covers it (no IOMMU covers pci0)");
        assertThat(path.row(DmaPaths.COMPAT)).startsWith("passes: it reaches the host's CPUs");
        assertThat(path.row(DmaPaths.REMAPPABLE)).isEmpty();
        assertThat(path.row(DmaPaths.ENTRIES)).isEmpty();
    }

    @Test
    void aSubDeviceEmitsWhatItsGuestWritesWithItsParentsRequesterId() {
        List<DmaPath> paths = DmaPaths.explain(platform("    cpu x86 { cpus 2; }\n    iommu amdvi ivhd0 { }\n"
                + "    hypervisor kvm { traps msix, ims device; hypercall compose; }\n"
                + "    bus pci0 {\n        device dsa 6a:01.0 { msix 4; }\n"
                + "        device wq1 of dsa pasid 1 { ims queue 8; }\n        device wq2 of dsa pasid 2 { ims device 8; }\n"
                + "        device wq3 of dsa pasid 3 { }\n    }\n"
                + "    guest vm1 { cpus 1; assign wq3, wq2; }\n    guest vm0 { cpus 1; assign wq1; }\n"));
        // guests in declaration order, each one's devices in declaration order
        assertThat(paths.stream().map(DmaPath::title).toList()).containsExactly(
                "vm1: assigned wq2, sub-device of dsa (pasid 2)", "vm1: assigned wq3, sub-device of dsa (pasid 3)",
                "vm0: assigned wq1, sub-device of dsa (pasid 1)").inOrder();
        assertThat(paths.get(0).row(DmaPaths.EMITS)).isEqualTo("nothing vm1 controls: its ims device is trapped");
        assertThat(paths.get(1).row(DmaPaths.EMITS)).isEqualTo("nothing vm1 controls: it has no storage");
        DmaPath wq1 = paths.get(2);
        assertThat(wq1.row(DmaPaths.EMITS))
                .isEqualTo("what vm0 writes into its ims queue (untrapped); PASID 1 DMA is never an interrupt");
        assertThat(wq1.row(DmaPaths.SEEN_AS)).isEqualTo("6a:01.0, its parent dsa's requester id");
        assertThat(wq1.row(DmaPaths.TABLE))
                .isEqualTo("only the table of 6a:01.0: fixed and arbitrated messages index it by data bits 10:0");
        assertThat(wq1.row(DmaPaths.COMPAT)).startsWith("none on AMD-Vi");
        assertThat(wq1.row(DmaPaths.STORES)).isEqualTo("ims queue 8 untrapped");
        assertThat(wq1.row(DmaPaths.SHARES)).isEqualTo("6a:01.0 with dsa (host), wq2 (vm1), wq3 (vm1)");
    }

    @Test
    void behindABridgeTheIommuSeesTheAliasAndEntriesCheckTheBusOnly() {
        PlatformModel platform = platform("    cpu x86 { cpus 2; }\n    iommu vtd dmar0 { }\n    hypervisor kvm { }\n"
                + "    bus pci0 { bridge br0 00:1c.4 { device a 07:01.0 { msi 1; } device b 07:02.0 { msix 2; } } }\n"
                + "    guest vm0 { cpus 1; assign b; }\n");
        DmaPath path = DmaPaths.explain(platform).get(0);
        assertThat(path.title()).isEqualTo("vm0: assigned b, function 07:02.0 behind bridge br0");
        assertThat(path.row(DmaPaths.SEEN_AS)).isEqualTo("07:00.0, the alias of bridge br0 (00:1c.4)");
        assertThat(path.row(DmaPaths.REMAPPABLE))
                .isEqualTo("SVT 10 (behind bridge br0): every entry for bus 07 accepts it");
        assertThat(path.row(DmaPaths.COMPAT)).isEqualTo("blocked (fault 0x25)");
        assertThat(path.row(DmaPaths.SHARES)).isEqualTo("07:00.0 with a (host)");
    }

    @Test
    void aPlatformWithoutStacksStillShowsWhatItsGuestsCanEmit() {
        String text = ExplainText.render(List.of(platform("    cpu x86 { cpus 2; }\n    hypervisor kvm { }\n"
                + "    bus pci0 { device vf 03:00.1 { } }\n    guest vm0 { cpus 1; assign vf; }\n")));
        assertThat(text).isEqualTo("""
                platform P

                  no stacks: no kernel allocates an interrupt

                vm0: assigned vf, function 03:00.1
                  emits       any memory write: vm0 programs its DMA
                  seen as     03:00.1, its own requester id
                  stopped by  nothing: no interrupt remapping covers it (no IOMMU covers pci0)
                  compat      passes: it reaches the host's CPUs by APIC ID and vector, NMI, SMI and INIT included
                  stores      none
                  shares      03:00.1 with no other device
                """);
    }
}
