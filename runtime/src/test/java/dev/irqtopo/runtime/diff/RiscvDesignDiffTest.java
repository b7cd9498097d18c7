package dev.irqtopo.runtime.diff;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.RiscvPlatformModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.riscv.MsiTranslationMode;
import dev.irqtopo.runtime.riscv64.RiscvDesigns;
import dev.irqtopo.testing.PlatformBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static com.google.common.truth.Truth.assertThat;

/**
 * Each kind of difference on small riscv64 platforms, worked out by hand. QEMU virt's bases: hart h's
 * supervisor-level page at 0x28000000 + h·2^D, D = 12 + ⌈log2(guest files + 1)⌉, its guest files on the
 * pages after it; identity 1 of every file is the IPI, so the first vector on a hart takes identity 2,
 * on the hart with the most free identities, the lowest among equals. The guests' vCPUs take the harts
 * in turn, each the lowest guest file its hart has free.
 */
class RiscvDesignDiffTest {

    private static final Subject.Stack HOST_NIC = new Subject.Stack("host", "nic", BusDomainKind.MSIX);
    private static final Subject.Stack HOST_DISK = new Subject.Stack("host", "disk", BusDomainKind.MSIX);
    private static final Subject.Stack VM0_VF = new Subject.Stack("vm0", "vf", BusDomainKind.MSIX);
    private static final Subject.Stack VM1_VG = new Subject.Stack("vm1", "vg", BusDomainKind.MSIX);

    /** nic (host, 01:00.0) and vf (vm0's, 02:00.0, its MSI-X table trapped) on an IOMMU with this translation. */
    private static RiscvPlatformModel oneGuest(int harts, MsiTranslationMode msi) {
        return new RiscvDesigns(harts, 1, 63).iommu(msi)
                .function("nic", "01:00.0", StorageKind.MSIX, 4)
                .function("vf", "02:00.0", StorageKind.MSIX, 4)
                .hostStack("nic", StorageKind.MSIX, 1)
                .guest("vm0", 1, "vf", StorageKind.MSIX, 1)
                .build();
    }

    private static FieldChange field(String name, Value old, Value now) {
        return new FieldChange(name, old, now);
    }

    private static Value word(String word) {
        return Value.word(word);
    }

    private static Value number(int number) {
        return Value.number(number);
    }

    private static Value none() {
        return Value.absent();
    }

    @Test
    void identicalDesignsDifferInNothing() {
        DesignDiff diff = DesignDiff.ofDesigns(List.of(oneGuest(2, MsiTranslationMode.FLAT)),
                List.of(oneGuest(2, MsiTranslationMode.FLAT)));
        assertThat(diff.differs()).isFalse();
        assertThat(DiffText.render(diff)).isEqualTo("no differences\n");
    }

    /**
     * Two guests' three vCPUs on 2 harts with 2 guest files each (D = 14): vm0's vCPUs take hart0.guest1
     * and hart1.guest1, vm1's wraps to hart 0 and takes hart0.guest2 (page 0x28002000). On 4 harts vm1's
     * vCPU runs on hart 2 and takes hart2.guest1 (0x28000000 + 2·0x4000 + 0x1000). vm1's own view of its
     * vector is the same (vCPU 0, its page 0x28000000, identity 2): what moves is the guest file behind it,
     * the PTE that maps its page there, and where the translated write lands.
     */
    @Test
    void moreHartsGiveAGuestsVcpuAHartOfItsOwnAndItsFileWithIt() {
        PlatformDifference.Compared diff = DesignDiff.compare(twoGuests(2), twoGuests(4));

        assertThat(diff.declarations()).containsExactly(
                new Difference<>(Subject.Declaration.of(Part.CPU), ChangeKind.CHANGED,
                        List.of(field("cpus", number(2), number(4)))),
                new Difference<>(Subject.Declaration.of(Part.GUEST, "vm1"), ChangeKind.CHANGED,
                        List.of(field("files", word("hart0.guest2"), word("hart2.guest1")))),
                new Difference<>(Subject.Declaration.of(Part.DEVICE_CONTEXT, "iommu0 0x000300"), ChangeKind.CHANGED,
                        List.of(field("msi_ptes", word("0: PPN 0x28002"), word("0: PPN 0x28009"))))).inOrder();
        assertThat(diff.stacks()).isEmpty();
        assertThat(diff.interrupts()).containsExactly(new Difference<>(new Subject.Interrupt(VM1_VG, 0),
                ChangeKind.CHANGED, List.of(
                field("file", word("hart0.guest2"), word("hart2.guest1")),
                field("delivery.address", word("0x0000000028002000"), word("0x0000000028009000")),
                field("delivery.file", word("hart0.guest2"), word("hart2.guest1")),
                field("delivery.taken.file", word("hart0.guest2"), word("hart2.guest1")))));
        assertThat(diff.wasIsolated()).isTrue();
        assertThat(diff.isIsolated()).isTrue();
        assertThat(diff.findings()).isEmpty();
        assertThat(diff.assignments()).containsExactly(new Difference<>(new Subject.Assignment("vm1", "vg"),
                ChangeKind.CHANGED, List.of(field("reaches", word("hart0.guest2"), word("hart2.guest1")))));
    }

    private static RiscvPlatformModel twoGuests(int harts) {
        return new RiscvDesigns(harts, 2, 63)
                .function("nic", "01:00.0", StorageKind.MSIX, 4)
                .function("vf", "02:00.0", StorageKind.MSIX, 4)
                .function("vg", "03:00.0", StorageKind.MSIX, 4)
                .hostStack("nic", StorageKind.MSIX, 2)
                .guest("vm0", 2, "vf", StorageKind.MSIX, 2)
                .guest("vm1", 1, "vg", StorageKind.MSIX, 1)
                .build();
    }

    /**
     * 2 harts, 1 guest file (D = 13). Under {@code msi flat} vf's context maps vm0's page 0x28000 (mask 0,
     * one vCPU) to hart0.guest1 (PPN 0x28001), and the trapped table holds the guest's own message. Under
     * {@code msi off} the context recognises no MSI page: VFIO backs the trapped vector with a host
     * identity, hart 1's identity 2 (hart 0 already holds nic's), host irq 2, whose pending bit KVM turns
     * into vm0's identity 2; and vf's DMA reaches every file, the host's identity 1 of hart 0's
     * machine-level file lowest.
     */
    @Test
    void flatToOffTurnsAnIsolatedGuestIntoABreach() {
        PlatformDifference.Compared diff = DesignDiff.compare(oneGuest(2, MsiTranslationMode.FLAT),
                oneGuest(2, MsiTranslationMode.OFF));

        assertThat(diff.declarations()).containsExactly(
                new Difference<>(Subject.Declaration.of(Part.IOMMU, "iommu0"), ChangeKind.CHANGED,
                        List.of(field("msi", word("flat"), word("off")))),
                new Difference<>(Subject.Declaration.of(Part.DEVICE_CONTEXT, "iommu0 0x000200"), ChangeKind.CHANGED,
                        List.of(field("msi", word("flat"), word("off")),
                                field("msiptp_mode", word("Flat"), word("Off")),
                                field("msiptp_ppn", word("0x100000"), none()),
                                field("msi_addr_mask", word("0x0"), none()),
                                field("msi_addr_pattern", word("0x28000"), none()),
                                field("msi_ptes", word("0: PPN 0x28001"), none())))).inOrder();
        assertThat(diff.stacks()).containsExactly(new Difference<>(VM0_VF, ChangeKind.CHANGED,
                List.of(field("msi", word("flat"), word("off")))));
        assertThat(diff.interrupts()).containsExactly(new Difference<>(new Subject.Interrupt(VM0_VF, 0),
                ChangeKind.CHANGED, List.of(
                field("stored.address", word("0x0000000028000000"), word("0x0000000028002000")),
                field("delivery.route", word("translated"), word("pass_through")),
                field("delivery.address", word("0x0000000028001000"), word("0x0000000028002000")),
                field("delivery.file", word("hart0.guest1"), word("hart1.supervisor")),
                field("delivery.taken.route", word("guest_file"), word("irqfd")),
                field("delivery.taken.host_file", none(), word("hart1.supervisor")),
                field("delivery.taken.host_identity", none(), number(2)),
                field("host.virq", none(), number(2)),
                field("host.cpu", none(), number(1)),
                field("host.file", none(), word("hart1.supervisor")),
                field("host.identity", none(), number(2)),
                field("host.composed.address", none(), word("0x0000000028002000")),
                field("host.composed.data", none(), word("0x00000002")))));
        assertThat(diff.wasIsolated()).isTrue();
        assertThat(diff.isIsolated()).isFalse();
        assertThat(diff.findings()).containsExactly(new Difference<>(
                new Subject.Breach("vm0", "vf", "dma", "host", "no-msi-translation"), ChangeKind.ADDED, List.of(
                field("message.address", none(), word("0x0000000024000000")),
                field("message.data", none(), word("0x00000001")),
                field("requester_id", none(), word("02:00.0")),
                field("target", none(), word("hart0.machine")),
                field("identity", none(), number(1)),
                field("route", none(), word("pass_through")))));
        // Linux 6.12 says no isolated MSI on either side; the irqbypass series is right on both
        assertThat(diff.assignments()).containsExactly(new Difference<>(new Subject.Assignment("vm0", "vf"),
                ChangeKind.CHANGED, List.of(
                field("irqbypass_isolated_msi", Value.flag(true), Value.flag(false)),
                field("isolated", Value.flag(true), Value.flag(false)),
                field("msi", word("flat"), word("off")),
                field("reaches", word("hart0.guest1"), word("hart0.machine, hart0.supervisor, hart0.guest1,"
                        + " hart1.machine, hart1.supervisor, hart1.guest1")))));
        assertThat(DiffText.render(new DesignDiff(List.of(diff)))).contains(
                "  verdict: was isolated, now BREACH\n"
                + "  findings\n"
                + "    what                                                       change  field            old  new\n"
                + "    vm0 reaches host through vf dma, class no-msi-translation  added   message.address  -"
                + "    0x0000000024000000\n");
    }

    /**
     * One hart: nic's vector takes identity 2 and host irq 1. A disk whose stack the host boots first
     * takes them instead, so nic's vector keeps its file and moves to identity 3, irq 2: the message's data
     * and who takes it follow. vm0's guest file and its own irq numbers are another kernel's and stay.
     */
    @Test
    void aStackBootedFirstMovesTheNextVectorToTheNextIdentity() {
        RiscvPlatformModel now = new RiscvDesigns(1, 1, 63)
                .function("nic", "01:00.0", StorageKind.MSIX, 4)
                .function("vf", "02:00.0", StorageKind.MSIX, 4)
                .function("disk", "03:00.0", StorageKind.MSIX, 1)
                .hostStack("disk", StorageKind.MSIX, 1)
                .hostStack("nic", StorageKind.MSIX, 1)
                .guest("vm0", 1, "vf", StorageKind.MSIX, 1)
                .build();
        PlatformDifference.Compared diff = DesignDiff.compare(oneGuest(1, MsiTranslationMode.FLAT), now);

        assertThat(diff.declarations().stream().map(d -> d.subject().text() + " " + d.change().keyword()).toList())
                .containsExactly("device disk added", "device_context iommu0 0x000300 added").inOrder();
        assertThat(diff.stacks()).containsExactly(new Difference<>(HOST_DISK, ChangeKind.ADDED, List.of(
                field("storage", none(), word("msix")),
                field("chain", none(), word("imsic -> msix")),
                field("alloc", none(), number(1)),
                field("msi", none(), word("off")),
                field("trapped", none(), Value.flag(false)))));
        Difference<Subject.Interrupt> disk = diff.interrupts().get(0);
        assertThat(disk.subject()).isEqualTo(new Subject.Interrupt(HOST_DISK, 0));
        assertThat(disk.change()).isEqualTo(ChangeKind.ADDED);
        assertThat(disk.fields()).containsAtLeast(
                field("virq", none(), number(1)),
                field("file", none(), word("hart0.supervisor")),
                field("identity", none(), number(2)),
                field("delivery.taken.kernel", none(), word("host"))).inOrder();
        assertThat(diff.interrupts().get(1)).isEqualTo(new Difference<>(new Subject.Interrupt(HOST_NIC, 0),
                ChangeKind.CHANGED, List.of(
                field("virq", number(1), number(2)),
                field("identity", number(2), number(3)),
                field("composed.data", word("0x00000002"), word("0x00000003")),
                field("stored.data", word("0x00000002"), word("0x00000003")),
                field("delivery.identity", number(2), number(3)),
                field("delivery.taken.identity", number(2), number(3)),
                field("delivery.taken.virq", number(1), number(2)))));
        assertThat(diff.interrupts()).hasSize(2);
        assertThat(diff.isIsolated()).isTrue();
        assertThat(diff.findings()).isEmpty();
        assertThat(diff.assignments()).isEmpty();
    }

    /** A platform that turns from x86 into riscv64 under the same name differs in every field it has. */
    @Test
    void aPlatformWhoseArchitectureChangedDiffersInItsCpu() {
        PlatformDifference.Compared diff = DesignDiff.compare(
                PlatformBuilder.platform("T").cpus(2).build(), oneGuest(2, MsiTranslationMode.FLAT));
        Difference<Subject.Declaration> cpu = diff.declarations().stream()
                .filter(d -> d.subject().part() == Part.CPU).findFirst().orElseThrow();
        assertThat(cpu.fields()).contains(field("arch", none(), word("riscv64")));
        assertThat(diff.declarations().stream().map(Difference::subject).map(Subject.Declaration::name).toList())
                .contains(Optional.of("iommu0 0x000200"));
    }
}
