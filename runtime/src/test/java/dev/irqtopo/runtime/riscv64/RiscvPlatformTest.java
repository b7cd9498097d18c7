package dev.irqtopo.runtime.riscv64;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.riscv.InterruptFile;
import dev.irqtopo.model.riscv.MsiTranslationMode;
import dev.irqtopo.runtime.imsic.ImsicIgnoreReason;
import dev.irqtopo.runtime.imsic.ImsicVector;
import dev.irqtopo.runtime.imsic.ImsicWrite;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.riommu.DeviceWrite;
import dev.irqtopo.runtime.riommu.Route;
import dev.irqtopo.runtime.riommu.Target;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Boot and firing on small riscv64 platforms, every value worked out by hand from the rules in
 * docs/riscv.md.
 * <p>
 * The usual platform here has 4 harts, 2 guest files and N = 63. Then D = 12 + ⌈log2 3⌉ = 14: hart h's
 * supervisor-level file is the page 0x28000000 + h·0x4000, its guest files g = 1, 2 the pages after it,
 * the fourth page of each 16 KiB slot is empty; machine-level files at 0x24000000 + h·0x1000.
 */
class RiscvPlatformTest {

    static final long S0 = 0x2800_0000L;

    /** nic (3 host vectors) and vf (3 vectors of vm0, 2 vCPUs), under an IOMMU with {@code mode}. */
    static RiscvDesigns guestVf(MsiTranslationMode mode) {
        return new RiscvDesigns(4, 2, 63).iommu(mode)
                .function("nic", "01:00.0", StorageKind.MSIX, 8)
                .function("vf", "02:00.0", StorageKind.MSIX, 4)
                .hostStack("nic", StorageKind.MSIX, 3)
                .guest("vm0", 2, "vf", StorageKind.MSIX, 3);
    }

    private static RiscvPlatform booted(RiscvDesigns design) {
        RiscvPlatform platform = RiscvPlatform.create(design.build());
        platform.boot();
        return platform;
    }

    @Test
    void identityOneIsEveryHartsIpiAndDevicesStartAtTwo() {
        RiscvPlatform platform = booted(new RiscvDesigns(4, 0, 63).function("nic", "01:00.0", StorageKind.MSIX, 8));
        // identity 0 is never implemented and 1 is the IPI: 62 of 1..63 left on each hart before any device
        for (int hart = 0; hart < 4; hart++) {
            assertThat(platform.hostDriver().matrix().available(hart)).isEqualTo(62);
            Taken ipi = platform.take(InterruptFile.supervisor(hart), 1);
            assertThat(ipi.route()).isEqualTo(TakenRoute.IPI);
            assertThat(ipi.kernel()).isEqualTo(RiscvPlatform.HOST);
            assertThat(ipi.cpu()).isEqualTo(hart);
        }
        // a host function's write of 1 to hart 2's page (0x28000000 + 2·4 KiB, D = 12) raises its IPI
        RiscvOutcome.Written w = (RiscvOutcome.Written) platform.emit(platform.device("nic"), Message.of(S0 + 0x2000, 1));
        assertThat(w.write()).isEqualTo(new DeviceWrite.Onward(Route.PASS_THROUGH, S0 + 0x2000,
                new ImsicWrite.Pending(InterruptFile.supervisor(2), 1)));
        assertThat(w.taken().orElseThrow().route()).isEqualTo(TakenRoute.IPI);
    }

    @Test
    void hostVectorsTakeTheLowestFreeIdentityOfTheHartWithTheMostFree() {
        RiscvDesigns design = guestVf(MsiTranslationMode.FLAT)
                .function("disk", "03:00.0", StorageKind.MSIX, 8)
                .hostStack("disk", StorageKind.MSIX, 4);
        List<RiscvStackResult> stacks = RiscvPlatform.create(design.build()).boot();
        RiscvStackResult nic = stacks.get(0);
        RiscvStackResult disk = stacks.get(1);
        // all harts have 62 free: hart 0, then hart 1 (62 > 61), then hart 2, each its identity 2
        assertThat(vectors(nic)).containsExactly(new ImsicVector(0, 2), new ImsicVector(1, 2), new ImsicVector(2, 2))
                .inOrder();
        // hart 3 still has 62; then all have 61 and the lowest-numbered wins, taking identity 3
        assertThat(vectors(disk)).containsExactly(new ImsicVector(3, 2), new ImsicVector(0, 3), new ImsicVector(1, 3),
                new ImsicVector(2, 3)).inOrder();
        assertThat(disk.interrupts().stream().map(RiscvVector::virq).toList()).containsExactly(4, 5, 6, 7).inOrder();
    }

    @Test
    void theComposedMessageIsTheFilesPageAndTheIdentityAsData() {
        RiscvPlatform platform = RiscvPlatform.create(guestVf(MsiTranslationMode.FLAT).build());
        RiscvStackResult nic = platform.boot().get(0);
        // hart 1's page: 0x28000000 + 1·2^14
        RiscvVector second = nic.interrupts().get(1);
        assertThat(second.file()).isEqualTo(InterruptFile.supervisor(1));
        assertThat(second.composed()).isEqualTo(Message.of(0x2800_4000L, 2));
        assertThat(platform.stored("nic", StorageKind.MSIX, 2)).hasValue(Message.of(0x2800_8000L, 2));
        assertThat(platform.fire(nic, 1)).isEqualTo(new RiscvOutcome.Written(
                new DeviceWrite.Onward(Route.PASS_THROUGH, 0x2800_4000L, new ImsicWrite.Pending(InterruptFile.supervisor(1), 2)),
                Optional.of(new Taken("host", 1, InterruptFile.supervisor(1), 2, OptionalInt.of(2), TakenRoute.HOST,
                        Optional.empty()))));
    }

    @Test
    void aFlatMsiPageTableRedirectsTheGuestsPageToTheGuestFileBehindTheVcpu() {
        RiscvPlatform platform = RiscvPlatform.create(guestVf(MsiTranslationMode.FLAT).build());
        RiscvStackResult vf = platform.boot().get(1);
        // vm0's vCPUs run on harts 0 and 1, each on guest file 1; the guest's own IMSIC layout has D = 12,
        // so vCPU 1's page is 0x28001000; its driver alternates the vCPUs: (0, 2), (1, 2), (0, 3)
        assertThat(vf.interrupts().stream().map(v -> v.file()).toList()).containsExactly(InterruptFile.guest(0, 1),
                InterruptFile.guest(1, 1), InterruptFile.guest(0, 1)).inOrder();
        assertThat(vf.interrupts().get(1).composed()).isEqualTo(Message.of(0x2800_1000L, 2));
        // the VMM traps the table, but under MSI translation it stores the guest's own message
        assertThat(vf.trapped()).isTrue();
        assertThat(vf.backing()).isEmpty();
        assertThat(platform.stored("vf", StorageKind.MSIX, 1)).hasValue(Message.of(0x2800_1000L, 2));
        // mask = 1 (one bit numbers 2 vCPUs), pattern 0x28000: page 0x28001 is file number 1, whose PTE
        // points at hart 1's guest file 1, 0x28004000 + 0x1000
        DeviceTranslation t = platform.translation(platform.device("vf"));
        assertThat(t.context().addressMask()).isEqualTo(1);
        assertThat(t.context().addressPattern()).isEqualTo(0x28000);
        assertThat(platform.fire(vf, 1)).isEqualTo(new RiscvOutcome.Written(
                new DeviceWrite.Onward(Route.TRANSLATED, 0x2800_5000L, new ImsicWrite.Pending(InterruptFile.guest(1, 1), 2)),
                Optional.of(new Taken("vm0", 1, InterruptFile.guest(1, 1), 2, OptionalInt.of(2), TakenRoute.GUEST_FILE,
                        Optional.empty()))));
        // the host's file pages are no MSI pages of the context, and its second stage maps no file page
        assertThat(platform.emit(platform.device("vf"), Message.of(0x2800_8000L, 2)))
                .isEqualTo(new RiscvOutcome.Written(new DeviceWrite.Blocked(0x2800_8000L), Optional.empty()));
        // slot 3 of the table, which vm0 never allocated, was never written: nothing was dropped
        assertThat(platform.fire(vf, 3)).isEqualTo(new RiscvOutcome.NotSentAtAll(NotSent.NEVER_WRITTEN));
    }

    @Test
    void anMrifEntryRecordsTheIdentityAndSendsKvmsNoticeToTheHost() {
        RiscvPlatform platform = RiscvPlatform.create(guestVf(MsiTranslationMode.MRIF).build());
        RiscvStackResult vf = platform.boot().get(1);
        // the nic took identity 2 on harts 0..2; KVM's notice for vCPU 0 goes to hart 3 (62 free, the
        // most), identity 2; for vCPU 1 to hart 0 (61, lowest-numbered of the equals), identity 3
        assertThat(platform.notice("vm0", 0)).hasValue(new ImsicVector(3, 2));
        assertThat(platform.notice("vm0", 1)).hasValue(new ImsicVector(0, 3));
        // vCPU 1's MRIF: 0x110000000 + (0·4096 + 1)·512; the notice MSI is 3 to hart 0's page
        assertThat(RiscvPlatform.mrif(0, 1)).isEqualTo(0x1_1000_0200L);
        assertThat(platform.fire(vf, 1)).isEqualTo(new RiscvOutcome.Written(
                new DeviceWrite.MrifRecorded(0x1_1000_0200L, 2, new ImsicWrite.Pending(InterruptFile.supervisor(0), 3)),
                Optional.of(new Taken("vm0", 1, InterruptFile.supervisor(0), 3, OptionalInt.empty(), TakenRoute.NOTICE,
                        Optional.empty()))));
        assertThat(platform.mrifOwner(0x1_1000_0200L)).hasValue("vm0");
        assertThat(platform.mrifOwner(0x1_1000_0400L)).isEmpty();
    }

    @Test
    void withoutMsiTranslationAnUntrappedGuestMessageGoesToThePhysicalPageItNames() {
        // 2 harts, 1 guest file: D = 13, hart 0's S file at 0x28000000, its guest file at 0x28001000
        RiscvDesigns design = new RiscvDesigns(2, 1, 63).iommu(MsiTranslationMode.OFF).traps(Set.of())
                .function("nic", "01:00.0", StorageKind.MSIX, 4)
                .function("vf", "02:00.0", StorageKind.MSIX, 4)
                .hostStack("nic", StorageKind.MSIX, 1)
                .guest("vm0", 1, "vf", StorageKind.MSIX, 1);
        RiscvPlatform platform = RiscvPlatform.create(design.build());
        RiscvStackResult vf = platform.boot().get(1);
        // the guest composes its vCPU 0's page, 0x28000000, identity 2, and the storage keeps it as is
        assertThat(vf.msi()).isEqualTo("off");
        assertThat(platform.stored("vf", StorageKind.MSIX, 0)).hasValue(Message.of(S0, 2));
        // physically that is hart 0's supervisor-level file, where identity 2 is the host nic's
        assertThat(platform.fire(vf, 0)).isEqualTo(new RiscvOutcome.Written(
                new DeviceWrite.Onward(Route.PASS_THROUGH, S0, new ImsicWrite.Pending(InterruptFile.supervisor(0), 2)),
                Optional.of(new Taken("host", 0, InterruptFile.supervisor(0), 2, OptionalInt.of(1), TakenRoute.HOST,
                        Optional.empty()))));
    }

    @Test
    void withoutMsiTranslationATrappedGuestVectorIsBackedByAHostIdentityKvmInjects() {
        RiscvDesigns design = new RiscvDesigns(2, 1, 63).noIommu()
                .function("nic", "01:00.0", StorageKind.MSIX, 4)
                .function("vf", "02:00.0", StorageKind.MSIX, 4)
                .hostStack("nic", StorageKind.MSIX, 1)
                .guest("vm0", 1, "vf", StorageKind.MSIX, 1);
        RiscvPlatform platform = RiscvPlatform.create(design.build());
        RiscvStackResult vf = platform.boot().get(1);
        // the nic has hart 0's identity 2; the backing takes hart 1's, whose page is 0x28000000 + 2^13
        RiscvVector host = vf.backing(0).orElseThrow();
        assertThat(host.file()).isEqualTo(InterruptFile.supervisor(1));
        assertThat(host.identity()).isEqualTo(2);
        assertThat(platform.stored("vf", StorageKind.MSIX, 0)).hasValue(Message.of(0x2800_2000L, 2));
        // KVM writes the guest's identity 2 into hart0.guest1, the file behind vCPU 0
        Taken taken = ((RiscvOutcome.Written) platform.fire(vf, 0)).taken().orElseThrow();
        assertThat(taken).isEqualTo(new Taken("vm0", 0, InterruptFile.guest(0, 1), 2, OptionalInt.of(1), TakenRoute.IRQFD,
                Optional.of(new Target.FileIdentity(InterruptFile.supervisor(1), 2))));
    }

    @Test
    void identitiesTheFileDoesNotImplementAreIgnored() {
        RiscvPlatform platform = booted(guestVf(MsiTranslationMode.FLAT));
        // N = 63: 64 and 0 name no identity of hart 0's supervisor-level file
        for (int data : new int[] {0, 64, 2048}) {
            assertThat(((RiscvOutcome.Written) platform.emit(platform.device("nic"), Message.of(S0, data))).write())
                    .isEqualTo(new DeviceWrite.Onward(Route.PASS_THROUGH, S0, new ImsicWrite.Ignored(S0,
                            Optional.of(InterruptFile.supervisor(0)), ImsicIgnoreReason.IDENTITY_NOT_IMPLEMENTED)));
        }
        // offset 8 is neither seteipnum_le nor seteipnum_be
        assertThat(((RiscvOutcome.Written) platform.emit(platform.device("nic"), Message.of(S0 + 8, 2))).write())
                .isEqualTo(new DeviceWrite.Onward(Route.PASS_THROUGH, S0 + 8, new ImsicWrite.Ignored(S0,
                        Optional.of(InterruptFile.supervisor(0)), ImsicIgnoreReason.READ_ONLY_OFFSET)));
    }

    @Test
    void aPageThatIsNoFileIsAMemoryWriteOrReadOnlyZeros() {
        RiscvPlatform platform = booted(guestVf(MsiTranslationMode.FLAT));
        RiscvOutcome ram = platform.emit(platform.device("nic"), Message.of(0x8000_0000L, 2));
        assertThat(ram).isEqualTo(new RiscvOutcome.Written(new DeviceWrite.Onward(Route.PASS_THROUGH, 0x8000_0000L,
                new ImsicWrite.MemoryWrite(0x8000_0000L)), Optional.empty()));
        // the fourth page of hart 0's 16 KiB slot (S, guest 1, guest 2, then nothing)
        RiscvOutcome empty = platform.emit(platform.device("nic"), Message.of(0x2800_3000L, 2));
        assertThat(((RiscvOutcome.Written) empty).write()).isEqualTo(new DeviceWrite.Onward(Route.PASS_THROUGH,
                0x2800_3000L, new ImsicWrite.Ignored(0x2800_3000L, Optional.empty(), ImsicIgnoreReason.NO_FILE)));
    }

    @Test
    void aGuestFileNoVcpuUsesBelongsToNobody() {
        RiscvPlatform platform = booted(guestVf(MsiTranslationMode.FLAT));
        assertThat(platform.fileOwner(InterruptFile.guest(1, 1))).isEqualTo("vm0");
        assertThat(platform.fileOwner(InterruptFile.guest(2, 1))).isEqualTo(RiscvPlatform.NOBODY);
        assertThat(platform.fileOwner(InterruptFile.machine(3))).isEqualTo(RiscvPlatform.HOST);
        // identity 1 of a vCPU's guest file is the guest driver's IPI; of a file no vCPU uses, nobody's
        Taken ipi = platform.take(InterruptFile.guest(1, 1), 1);
        assertThat(List.of(ipi.kernel(), ipi.cpu(), ipi.route())).containsExactly("vm0", 1, TakenRoute.IPI).inOrder();
        assertThat(platform.take(InterruptFile.guest(2, 1), 1).route()).isEqualTo(TakenRoute.UNOWNED);
    }

    private static List<ImsicVector> vectors(RiscvStackResult stack) {
        return stack.interrupts().stream().map(v -> new ImsicVector(v.cpu(), v.identity())).toList();
    }
}
