package dev.irqtopo.compiler.ast;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.compiler.SourceResult;
import dev.irqtopo.compiler.TestSources;
import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.HypervisorKind;
import dev.irqtopo.model.HypervisorModel;
import dev.irqtopo.model.SourceCheck;
import dev.irqtopo.model.StorageKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The language's defaults as the checker meets them: on the syntax tree, in files with errors too, where
 * no model is built.
 */
class DefaultsTest {

    private static Platform platform(String text) {
        SourceResult result = TestSources.check(text);
        return result.ast().orElseThrow().platforms().get(0);
    }

    @Test
    void aHypervisorBlockWithoutPropertiesTrapsMsiAndMsixAndOffersNoHypercall() {
        HypervisorModel hv = Defaults.hypervisor(platform("platform P { hypervisor xen { } }").hypervisorBlocks().get(0));
        assertThat(hv).isEqualTo(new HypervisorModel(HypervisorKind.XEN, true, Set.of(StorageKind.MSI, StorageKind.MSIX),
                false, false));
        assertThat(hv.composeHypercallUsable()).isFalse();
    }

    @Test
    void imsInQueueMemoryIsNeverTrappedEvenWhereTheFileAsks() {
        HypervisorBlock block = platform("platform P { hypervisor kvm { traps msix, ims queue; cpuid hidden;"
                + " hypercall compose; } }").hypervisorBlocks().get(0);
        HypervisorModel hv = Defaults.hypervisor(block);
        assertThat(hv.traps()).containsExactly(StorageKind.MSIX);
        assertThat(hv.guestWritesReachDevice(StorageKind.IMS_QUEUE)).isTrue();
        // offered, but a guest that cannot tell it is virtualized cannot ask for it
        assertThat(hv.composeHypercall()).isTrue();
        assertThat(hv.composeHypercallUsable()).isFalse();
    }

    @Test
    void theFirstOfARepeatedPropertyCounts() {
        HypervisorBlock block = platform("platform P { hypervisor kvm { hypercall compose; hypercall none; } }")
                .hypervisorBlocks().get(0);
        assertThat(Defaults.hypervisor(block).composeHypercall()).isTrue();
    }

    @Test
    void iommusFollowTheirKind() {
        Platform p = platform("platform P { iommu vtd a { } iommu amdvi b { } iommu vtd c { remapping off; entries 8;"
                + " source_check bus; compat allowed; posted on; } }");
        IommuDecl vtd = p.iommus().get(0);
        IommuDecl amdvi = p.iommus().get(1);
        IommuDecl given = p.iommus().get(2);
        assertThat(List.of(Defaults.remapping(vtd), Defaults.compatAllowed(vtd), Defaults.posted(vtd)))
                .containsExactly(true, false, false).inOrder();
        assertThat(Defaults.entries(vtd)).isEqualTo(65536);
        assertThat(Defaults.entries(amdvi)).isEqualTo(512);
        assertThat(Defaults.sourceCheck(vtd)).isEqualTo(SourceCheck.FULL);
        assertThat(List.of(Defaults.remapping(given), Defaults.compatAllowed(given), Defaults.posted(given)))
                .containsExactly(false, true, true).inOrder();
        assertThat(Defaults.entries(given)).isEqualTo(8);
        assertThat(Defaults.sourceCheck(given)).isEqualTo(SourceCheck.BUS);
        assertThat(Defaults.coversEveryBus(p.iommus())).isFalse();
        assertThat(Defaults.coversEveryBus(List.of(vtd))).isTrue();
    }

    @Test
    void cpusAreXapicNumberedFromZero() {
        CpuBlock cpu = platform("platform P { cpu x86 { cpus 3; } }").cpuBlocks().get(0);
        assertThat(Defaults.apic(cpu)).isEqualTo(ApicMode.XAPIC);
        assertThat(Defaults.apicIds(cpu, 3)).containsExactly(0, 1, 2).inOrder();
        CpuBlock given = platform("platform P { cpu x86 { cpus 2; apic x2apic; apic_ids 4, 6; } }").cpuBlocks().get(0);
        assertThat(Defaults.apic(given)).isEqualTo(ApicMode.X2APIC);
        assertThat(Defaults.apicIds(given, 2)).containsExactly(4, 6).inOrder();
    }

    @Test
    void aStackAllocatesOneAndAnEmptyBridgeTakesTheNextBus() {
        Platform p = platform("platform P { bus b { bridge last ff:00.0 { } device d 01:00.0 { msix 4; } }"
                + " host { stack d.msix: vector -> msix; stack d.msix: vector -> msix alloc 3; } }");
        assertThat(Defaults.alloc(p.hostStacks().get(0))).isEqualTo(Defaults.ALLOC);
        assertThat(Defaults.alloc(p.hostStacks().get(1))).isEqualTo(3);
        assertThat(Defaults.secondaryBus(p.bridges().get(0))).isEqualTo(0);
    }
}
