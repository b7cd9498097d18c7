package dev.irqtopo.runtime.diff;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.testing.PlatformBuilder.device;
import static dev.irqtopo.testing.PlatformBuilder.hypervisorWith;
import static dev.irqtopo.testing.PlatformBuilder.imsDevice;
import static dev.irqtopo.testing.PlatformBuilder.msi;
import static dev.irqtopo.testing.PlatformBuilder.msix;
import static dev.irqtopo.testing.PlatformBuilder.platform;
import static dev.irqtopo.testing.PlatformBuilder.remapStack;
import static dev.irqtopo.testing.PlatformBuilder.stack;
import static dev.irqtopo.testing.PlatformBuilder.vtdUnit;
import static dev.irqtopo.testing.PlatformBuilder.withSourceCheck;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.ExpectedVerdict;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.KernelProfile;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.SourceCheck;
import dev.irqtopo.model.StackModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.runtime.isolation.FindingClass;
import dev.irqtopo.runtime.isolation.Means;
import dev.irqtopo.testing.PlatformBuilder;
import dev.irqtopo.testing.PlatformBuilder.DeviceSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each kind of difference on one small platform, worked out by hand: one CPU-side VT-d unit (remapping
 * on, source check full, compat blocked), a NIC the host drives through it with one MSI-X interrupt, and
 * its sibling function vf, passed through to vm0 with a trapped MSI-X table. The host's interrupt takes
 * irq 24, CPU 0, vector 0x21 and entry 0, so its remappable message is 0xfee00018 (index 0, format bit
 * 4, SHV bit 3) with data 0; vm0's trapped store then takes host irq 25 on CPU 1 and entry 1.
 */
class DesignDiffTest {

    private static final DeviceSpec NIC = device("nic", "03:00.0", msix(4));
    private static final DeviceSpec VF = device("vf", "03:00.1", msix(4));
    private static final Subject.Stack HOST_NIC = new Subject.Stack("host", "nic", BusDomainKind.MSIX);
    private static final Subject.Stack VM0_VF = new Subject.Stack("vm0", "vf", BusDomainKind.MSIX);

    private static PlatformBuilder design(IommuModel unit, StackModel hostStack, DeviceSpec... devices) {
        return platform("P").cpus(2).iommu(unit).kvm()
                .bus("pci0", devices)
                .host(hostStack)
                .guest("vm0", 1, List.of("vf"), stack("vf", StorageKind.MSIX, 1));
    }

    private static PlatformModel base() {
        return design(vtdUnit("dmar0"), remapStack("nic", StorageKind.MSIX, "dmar0", 1), NIC, VF).build();
    }

    private static FieldChange field(String name, Value old, Value now) {
        return new FieldChange(name, old, now);
    }

    private static Value word(String word) {
        return Value.word(word);
    }

    private static Value none() {
        return Value.absent();
    }

    @Test
    void identicalDesignsDifferInNothing() {
        DesignDiff diff = DesignDiff.of(List.of(base()), List.of(base()));
        assertThat(diff.differs()).isFalse();
        assertThat(diff.platforms()).hasSize(1);
        PlatformDifference.Compared p = (PlatformDifference.Compared) diff.platforms().get(0);
        assertThat(p.differs()).isFalse();
        assertThat(p.wasIsolated()).isTrue();
        assertThat(p.isIsolated()).isTrue();
        assertThat(DiffText.render(diff)).isEqualTo("no differences\n");
    }

    @Test
    void platformsAreMatchedByNameInTheNewOrderThenThoseRemoved() {
        PlatformModel a = platform("A").build();
        PlatformModel b = platform("B").build();
        PlatformModel c = platform("C").build();
        DesignDiff diff = DesignDiff.of(List.of(a, b), List.of(b, c));
        assertThat(diff.platforms().get(0)).isInstanceOf(PlatformDifference.Compared.class);
        assertThat(diff.platforms().subList(1, 3))
                .containsExactly(new PlatformDifference.Added("C"), new PlatformDifference.Removed("A")).inOrder();
        assertThat(diff.differs()).isTrue();
        assertThat(DiffText.render(diff)).isEqualTo("platform B: no differences\nplatform C: added\nplatform A: removed\n");
    }

    @Test
    void aSecondInterruptIsAddedAndPushesTheGuestsHostSideToTheNextEntryAndCpu() {
        PlatformModel now = design(vtdUnit("dmar0"), remapStack("nic", StorageKind.MSIX, "dmar0", 2), NIC, VF).build();
        PlatformDifference.Compared diff = DesignDiff.compare(base(), now);

        assertThat(diff.declarations()).isEmpty();
        assertThat(diff.stacks()).containsExactly(new Difference<>(HOST_NIC, ChangeKind.CHANGED,
                List.of(field("alloc", Value.number(1), Value.number(2)))));
        // the host's slot 1 goes to the CPU with fewer vectors, 1, and the next entry, 1: address 0x20 | 0x18
        Difference<Subject.Interrupt> added = diff.interrupts().get(0);
        assertThat(added.subject()).isEqualTo(new Subject.Interrupt(HOST_NIC, 1));
        assertThat(added.change()).isEqualTo(ChangeKind.ADDED);
        assertThat(added.fields()).containsAtLeast(
                field("virq", none(), Value.number(25)),
                field("cpu", none(), Value.number(1)),
                field("vector", none(), Value.hex(0x21)),
                field("remap_index", none(), Value.number(1)),
                field("composed.address", none(), word("0x00000000fee00038")),
                field("delivery.outcome", none(), word("delivered")),
                field("host.posted", none(), Value.flag(false))).inOrder();
        assertThat(added.fields().stream().map(FieldChange::old).distinct().toList()).containsExactly(none());
        // vm0's own view stays: only the host side behind it moves, to irq 26, CPU 0's next vector and entry 2
        assertThat(diff.interrupts().get(1)).isEqualTo(new Difference<>(new Subject.Interrupt(VM0_VF, 0),
                ChangeKind.CHANGED, List.of(
                field("remap_index", Value.number(1), Value.number(2)),
                field("stored.address", word("0x00000000fee00038"), word("0x00000000fee00058")),
                field("host.virq", Value.number(25), Value.number(26)),
                field("host.cpu", Value.number(1), Value.number(0)),
                field("host.apic_id", Value.hex(1), Value.hex(0)),
                field("host.vector", Value.hex(0x21), Value.hex(0x22)))));
        assertThat(diff.interrupts()).hasSize(2);
        assertThat(diff.findings()).isEmpty();
        assertThat(diff.assignments()).isEmpty();
    }

    @Test
    void aChainWithoutRemapComposesCompatibilityFormatWhichTheUnitBlocks() {
        PlatformModel now = design(vtdUnit("dmar0"), stack("nic", StorageKind.MSIX, 1), NIC, VF).build();
        PlatformDifference.Compared diff = DesignDiff.compare(base(), now);

        assertThat(diff.stacks()).containsExactly(new Difference<>(HOST_NIC, ChangeKind.CHANGED, List.of(
                field("chain", word("vector -> remap dmar0 -> msix"), word("vector -> msix")))));
        assertThat(diff.interrupts().get(0)).isEqualTo(new Difference<>(new Subject.Interrupt(HOST_NIC, 0),
                ChangeKind.CHANGED, List.of(
                field("remap_index", Value.number(0), none()),
                field("composed.address", word("0x00000000fee00018"), word("0x00000000fee00000")),
                field("composed.data", word("0x00000000"), word("0x00000021")),
                field("stored.address", word("0x00000000fee00018"), word("0x00000000fee00000")),
                field("stored.data", word("0x00000000"), word("0x00000021")),
                field("delivery.outcome", word("delivered"), word("fault")),
                field("delivery.kernel", word("host"), none()),
                field("delivery.cpu", Value.number(0), none()),
                field("delivery.vector", Value.hex(0x21), none()),
                field("delivery.virq", Value.number(24), none()),
                field("delivery.fault_reason", none(), word("0x25")),
                field("delivery.delivery_mode", word("fixed"), none()))));
        // the entry the host no longer takes is vm0's now
        assertThat(diff.interrupts().get(1).fields()).containsExactly(
                field("remap_index", Value.number(1), Value.number(0)),
                field("stored.address", word("0x00000000fee00038"), word("0x00000000fee00018")));
    }

    @Test
    void sourceCheckOnTheBusLetsVfUseTheNicsEntryAndLinuxDoesNotSee() {
        PlatformModel now = design(withSourceCheck(vtdUnit("dmar0"), SourceCheck.BUS),
                remapStack("nic", StorageKind.MSIX, "dmar0", 1), NIC, VF).build();
        PlatformDifference.Compared diff = DesignDiff.compare(base(), now);

        assertThat(diff.declarations()).containsExactly(new Difference<>(Subject.Declaration.of(Part.IOMMU, "dmar0"),
                ChangeKind.CHANGED, List.of(field("source_check", word("full"), word("bus")))));
        assertThat(diff.stacks()).isEmpty();
        assertThat(diff.interrupts()).isEmpty();
        assertThat(diff.wasIsolated()).isTrue();
        assertThat(diff.isIsolated()).isFalse();
        // entry 0 is bound to bus 03 only: vf's DMA with handle 0 and no SHV, the lowest such message, hits it
        assertThat(diff.findings()).containsExactly(new Difference<>(
                new Subject.Breach("vm0", "vf", Means.DMA, "host", FindingClass.SOURCE_CHECK_BUS), ChangeKind.ADDED,
                List.of(field("message.address", none(), word("0x00000000fee00010")),
                        field("message.data", none(), word("0x00000000")),
                        field("requester_id", none(), word("03:00.1")))));
        // Linux looks at whether a remap domain covers vf, not at what its entries validate
        assertThat(diff.assignments()).containsExactly(new Difference<>(new Subject.Assignment("vm0", "vf"),
                ChangeKind.CHANGED, List.of(field("isolated", Value.flag(true), Value.flag(false)))));
        assertThat(DiffText.render(new DesignDiff(List.of(diff)))).isEqualTo("""
                platform P
                  declarations
                    what         change   field         old   new
                    iommu dmar0  changed  source_check  full  bus
                  verdict: was isolated, now BREACH
                  findings
                    what                                                     change  field            old  new
                    vm0 reaches host through vf dma, class source-check-bus  added   message.address  -    0x00000000fee00010
                                                                                     message.data     -    0x00000000
                                                                                     requester_id     -    03:00.1
                  assignments
                    what    change   field     old   new
                    vm0 vf  changed  isolated  true  false
                """);
    }

    @Test
    void devicesAreAddedRemovedAndChangedFieldByField() {
        PlatformModel old = design(vtdUnit("dmar0"), remapStack("nic", StorageKind.MSIX, "dmar0", 1),
                NIC, VF, device("uart", "00:1f.0", msi(1))).build();
        PlatformModel now = design(vtdUnit("dmar0"), remapStack("nic", StorageKind.MSIX, "dmar0", 1),
                device("nic", "03:00.2", msix(8)), VF, device("dsa", "00:04.0", imsDevice(8))).build();
        PlatformDifference.Compared diff = DesignDiff.compare(old, now);

        assertThat(diff.declarations()).containsExactly(
                new Difference<>(Subject.Declaration.of(Part.DEVICE, "nic"), ChangeKind.CHANGED, List.of(
                        field("requester_id", word("03:00.0"), word("03:00.2")),
                        field("msix", Value.number(4), Value.number(8)))),
                new Difference<>(Subject.Declaration.of(Part.DEVICE, "dsa"), ChangeKind.ADDED, List.of(
                        field("bus", none(), word("pci0")),
                        field("requester_id", none(), word("00:04.0")),
                        field("ims device", none(), Value.number(8)))),
                new Difference<>(Subject.Declaration.of(Part.DEVICE, "uart"), ChangeKind.REMOVED, List.of(
                        field("bus", word("pci0"), none()),
                        field("requester_id", word("00:1f.0"), none()),
                        field("msi", Value.number(1), none()),
                        field("msi maskable", Value.flag(false), none())))).inOrder();
    }

    @Test
    void hypervisorTrapsAreASetAndItsOtherLinesCompare() {
        PlatformModel reordered = design(vtdUnit("dmar0"), remapStack("nic", StorageKind.MSIX, "dmar0", 1), NIC, VF)
                .hypervisor(hypervisorWith(true, false, false, StorageKind.MSIX, StorageKind.MSI)).build();
        assertThat(DesignDiff.compare(base(), reordered).differs()).isFalse();

        PlatformModel extended = design(vtdUnit("dmar0"), remapStack("nic", StorageKind.MSIX, "dmar0", 1), NIC, VF)
                .hypervisor(hypervisorWith(true, false, true, StorageKind.MSI, StorageKind.MSIX)).build();
        assertThat(DesignDiff.compare(base(), extended).declarations()).containsExactly(new Difference<>(
                Subject.Declaration.of(Part.HYPERVISOR), ChangeKind.CHANGED,
                List.of(field("ext_dest_id", word("off"), word("on")))));
    }

    @Test
    void aGuestAssignedOneMoreDeviceHasOneMoreAssignment() {
        DeviceSpec vf2 = device("vf2", "03:00.2", msix(4));
        PlatformModel old = design(vtdUnit("dmar0"), remapStack("nic", StorageKind.MSIX, "dmar0", 1), NIC, VF, vf2)
                .build();
        PlatformModel now = platform("P").cpus(2).iommu(vtdUnit("dmar0")).kvm()
                .bus("pci0", NIC, VF, vf2)
                .host(remapStack("nic", StorageKind.MSIX, "dmar0", 1))
                .guest("vm0", 2, List.of("vf", "vf2"), stack("vf", StorageKind.MSIX, 1)).build();
        PlatformDifference.Compared diff = DesignDiff.compare(old, now);

        assertThat(diff.declarations()).containsExactly(new Difference<>(Subject.Declaration.of(Part.GUEST, "vm0"),
                ChangeKind.CHANGED, List.of(field("cpus", Value.number(1), Value.number(2)),
                        field("assign", word("vf"), word("vf, vf2")))));
        assertThat(diff.assignments()).containsExactly(new Difference<>(new Subject.Assignment("vm0", "vf2"),
                ChangeKind.ADDED, List.of(field("linux_isolated_msi", none(), Value.flag(true)),
                        field("vfio_group_viable", none(), Value.flag(true)),
                        field("isolated", none(), Value.flag(true)))));
    }

    @Test
    void kernelProfilesAndTheExpectLineAreDeclarations() {
        PlatformModel old = base();
        PlatformModel linux = old.withKernel(KernelProfile.LINUX_6_12);
        PlatformModel now = new PlatformModel(linux.javaPackage(), linux.name(), linux.description(), linux.cpu(),
                linux.iommus(), linux.hypervisor(), linux.buses(), linux.hostStacks(), linux.guests(),
                Optional.of(ExpectedVerdict.ISOLATED), linux.hostKernel(), linux.ioapic());
        PlatformDifference.Compared diff = DesignDiff.compare(old, now);

        assertThat(diff.declarations()).containsExactly(
                new Difference<>(Subject.Declaration.of(Part.PLATFORM, "P"), ChangeKind.CHANGED,
                        List.of(field("expect", none(), word("isolated")))),
                new Difference<>(Subject.Declaration.of(Part.HOST), ChangeKind.CHANGED,
                        List.of(field("kernel", word("design"), word("linux 6.12")))),
                new Difference<>(Subject.Declaration.of(Part.GUEST, "vm0"), ChangeKind.CHANGED,
                        List.of(field("kernel", word("design"), word("linux 6.12"))))).inOrder();
    }

    @Test
    void aRemovedStackTakesItsInterruptsAlong() {
        PlatformModel now = platform("P").cpus(2).iommu(vtdUnit("dmar0")).kvm()
                .bus("pci0", NIC, VF)
                .host(remapStack("nic", StorageKind.MSIX, "dmar0", 1))
                .guest("vm0", 1, List.of("vf")).build();
        PlatformDifference.Compared diff = DesignDiff.compare(base(), now);

        assertThat(diff.stacks()).containsExactly(new Difference<>(VM0_VF, ChangeKind.REMOVED, List.of(
                field("storage", word("msix"), none()),
                field("chain", word("vector -> msix"), none()),
                field("alloc", Value.number(1), none()),
                field("created", Value.flag(true), none()))));
        assertThat(diff.interrupts()).hasSize(1);
        assertThat(diff.interrupts().get(0).subject()).isEqualTo(new Subject.Interrupt(VM0_VF, 0));
        assertThat(diff.interrupts().get(0).change()).isEqualTo(ChangeKind.REMOVED);
    }
}
