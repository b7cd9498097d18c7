package dev.irqtopo.runtime;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.model.StorageKind.IMS_QUEUE;
import static dev.irqtopo.model.StorageKind.MSI;
import static dev.irqtopo.model.StorageKind.MSIX;
import static dev.irqtopo.testing.PlatformBuilder.device;
import static dev.irqtopo.testing.PlatformBuilder.hcallStack;
import static dev.irqtopo.testing.PlatformBuilder.hypervisorWith;
import static dev.irqtopo.testing.PlatformBuilder.imsQueue;
import static dev.irqtopo.testing.PlatformBuilder.msi;
import static dev.irqtopo.testing.PlatformBuilder.msix;
import static dev.irqtopo.testing.PlatformBuilder.platform;
import static dev.irqtopo.testing.PlatformBuilder.remapStack;
import static dev.irqtopo.testing.PlatformBuilder.stack;
import static dev.irqtopo.testing.PlatformBuilder.vtdUnit;
import static dev.irqtopo.testing.PlatformBuilder.withCompatAllowed;
import static dev.irqtopo.testing.PlatformBuilder.withEntries;
import static dev.irqtopo.testing.PlatformBuilder.withPosted;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.remap.PostedTarget;
import dev.irqtopo.runtime.remap.VtdRemapEntry;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Guest stacks: trap and translate, the compose hypercall, posting, and domain creation. */
class GuestAllocationTest {

    /** Host nic with one remapped interrupt; vm0 (2 vCPUs) gets vf, whose MSI-X the hypervisor traps. */
    private static PlatformModel trapped(IommuModel unit, int guestAlloc) {
        return platform("Trapped")
                .cpus(2, unit.compatAllowed() ? ApicMode.XAPIC : ApicMode.X2APIC)
                .iommu(unit)
                .kvm()
                .bus("pci0", device("nic", "03:00.0", msix(8)), device("vf", "03:00.1", msix(8)))
                .host(remapStack("nic", MSIX, "dmar0", 1))
                .guest("vm0", 2, List.of("vf"), stack("vf", MSIX, guestAlloc))
                .build();
    }

    /** The same, but vm0 composes by hypercall and nothing is trapped. */
    private static PlatformModel byHypercall(IommuModel unit, int guestAlloc) {
        return platform("Hypercall")
                .cpus(2, ApicMode.X2APIC)
                .iommu(unit)
                .hypervisor(hypervisorWith(true, true, false))
                .bus("pci0", device("nic", "03:00.0", msix(8)), device("vf", "03:00.1", msix(8)))
                .host(remapStack("nic", MSIX, "dmar0", 1))
                .guest("vm0", 2, List.of("vf"), hcallStack("vf", MSIX, guestAlloc))
                .build();
    }

    private static Stack guestStack(Platform platform, String guest, String device, BusDomainKind busDomain) {
        return platform.guest(guest).orElseThrow().stack(device, busDomain).orElseThrow();
    }

    @Test
    void aTrappedStoreIsTranslatedIntoAHostEntryWithAForwardingHostIrq() {
        Platform platform = Platform.create(trapped(vtdUnit("dmar0"), 1));

        AllocatedInterrupt irq = platform.boot().get(1).allocation().interrupts().get(0);

        assertThat(irq.composed()).isCompatibilityFormat();
        assertThat(irq.remapIndex()).isEqualTo(OptionalInt.of(1));
        assertThat(platform.hardware().read("vf", BusDomainKind.MSIX, 0)).hasValue(Message.remappable(1, 0));
        assertThat(platform.hardware().fire("vf", BusDomainKind.MSIX, 0)).isDeliveredTo("vm0", 0, 0x21, 24);
        // the host's forwarding handler took host irq 25 and CPU 1 vector 0x21
        assertThat(platform.host().interrupts()).hasSize(2);
        assertThat(platform.host().interrupts().get(1).virq()).isEqualTo(25);
        assertThat(platform.host().interrupts().get(1).cpu()).isEqualTo(1);
    }

    @Test
    void aTrappedStoreTheHostCannotServeIsDroppedAndTheGuestDoesNotKnow() {
        // one entry, taken by the host's nic
        Platform platform = Platform.create(trapped(withEntries(vtdUnit("dmar0"), 1), 2));

        Allocation guest = platform.boot().get(1).allocation();

        assertThat(guest).succeededWith(2);
        assertThat(guest.interrupts().get(0).remapIndex()).isEmpty();
        assertThat(platform.hardware().read("vf", BusDomainKind.MSIX, 0)).isEmpty();
        assertThat(platform.hardware().storage("vf", BusDomainKind.MSIX).isMasked(0)).isTrue();
        assertThat(platform.hardware().fire("vf", BusDomainKind.MSIX, 1)).isNotSent();
        // the failed host allocations were undone: only the nic's interrupt remains on the host
        assertThat(platform.host().interrupts()).hasSize(1);
    }

    @Test
    void freeingATrappedGuestInterruptFreesItsHostSideAndSlot() {
        Platform platform = Platform.create(trapped(vtdUnit("dmar0"), 1));
        platform.boot();
        Stack vf = guestStack(platform, "vm0", "vf", BusDomainKind.MSIX);
        PlatformSnapshot withOne = platform.snapshot();

        Allocation second = vf.allocate(1);
        assertThat(second).succeededWith(1);
        assertThat(vf.free(second.interrupts().get(0).virq())).isEmpty();

        assertThat(platform.snapshot()).isEqualTo(withOne);
        assertThat(vf.free(24)).isEmpty();
        assertThat(platform.hardware().vtdEntry("dmar0", 1)).isEmpty();
        assertThat(platform.host().interrupts()).hasSize(1);
    }

    @Test
    void theHypercallReturnsTheHostsMessageWhichTheGuestStoresUnchanged() {
        Platform platform = Platform.create(byHypercall(vtdUnit("dmar0"), 2));

        Allocation guest = platform.boot().get(1).allocation();

        assertThat(guest.interrupts().get(1).composed()).isEqualTo(Message.remappable(2, 0));
        assertThat(platform.hardware().read("vf", BusDomainKind.MSIX, 1)).hasValue(Message.remappable(2, 0));
        assertThat(platform.hardware().fire("vf", BusDomainKind.MSIX, 1)).isDeliveredTo("vm0", 1, 0x21, 25);
    }

    @Test
    void aHypercallErrorIsTheGuestsErrnoAndTheWholeRequestIsUndoneOnBothSides() {
        // two entries: the host's nic takes one, the guest's first interrupt the other, its second fails
        Platform platform = Platform.create(byHypercall(withEntries(vtdUnit("dmar0"), 2), 2));
        Stack vf = guestStack(platform, "vm0", "vf", BusDomainKind.MSIX);
        List<StackResult> boot = platform.boot();
        PlatformSnapshot afterBoot = platform.snapshot();

        assertThat(boot.get(1).allocation()).failedWith(Errno.ENOMEM);
        assertThat(platform.hardware().vtdEntry("dmar0", 1)).isEmpty();
        assertThat(platform.host().interrupts()).hasSize(1);
        assertThat(platform.guest("vm0").orElseThrow().interrupts()).isEmpty();
        assertThat(vf.allocate(2)).failedWith(Errno.ENOMEM);
        assertThat(platform.snapshot()).isEqualTo(afterBoot);
        assertThat(vf.allocate(1)).succeededWith(1);
    }

    @Test
    void withoutRemappingTheHypervisorComposesCompatibilityForAHostCpuAndForwards() {
        Platform platform = Platform.create(platform("NoIommu")
                .cpus(2)
                .hypervisor(hypervisorWith(true, true, false))
                .bus("pci0", device("vf", "03:00.1", imsQueue(4)))
                .guest("vm0", 1, List.of("vf"), hcallStack("vf", IMS_QUEUE, 1))
                .build());

        AllocatedInterrupt irq = platform.boot().get(0).allocation().interrupts().get(0);

        assertThat(irq.composed()).isEqualTo(Message.compatibility(0, 0x21));
        assertThat(irq.remapIndex()).isEmpty();
        assertThat(platform.hardware().fire("vf", BusDomainKind.IMS, 0)).isDeliveredTo("vm0", 0, 0x21, 24);
    }

    @Test
    void postedEntriesTargetTheVcpuAndTheHostVectorStillInjectsWhenReachedAnotherWay() {
        Platform platform = Platform.create(trapped(withCompatAllowed(withPosted(vtdUnit("dmar0"))), 1));
        platform.boot();

        VtdRemapEntry entry = platform.hardware().vtdEntry("dmar0", 1).orElseThrow();

        assertThat(entry.posted()).hasValue(new PostedTarget("vm0", 0, 0x21));
        assertThat(platform.hardware().fire("vf", BusDomainKind.MSIX, 0)).isDeliveredTo("vm0", 0, 0x21, 24);
        // host CPU 1 vector 0x21 stays allocated for it: a compatibility message to it injects the guest vector
        assertThat(entry.destinationApicId()).isEqualTo(1);
        assertThat(platform.hardware().emit("nic", Message.compatibility(1, 0x21))).isDeliveredTo("vm0", 0, 0x21, 24);
    }

    @Test
    void extendedDestinationIdsLetAGuestNameVcpusAbove255() {
        PlatformModel model = platform("ManyVcpus")
                .cpus(4, ApicMode.X2APIC)
                .vtd("dmar0")
                .hypervisor(hypervisorWith(true, false, true, MSIX))
                .bus("pci0", device("vf", "03:00.1", msix(2048)))
                .guest("vm0", 300, List.of("vf"), stack("vf", MSIX, 300))
                .build();
        Platform platform = Platform.create(model);

        AllocatedInterrupt last = platform.boot().get(0).allocation().interrupts().get(299);

        // vCPU 299 = 0x12B: 0x2B in address bits 19:12, 0x1 in bits 11:5
        assertThat(last.cpu()).isEqualTo(299);
        assertThat(last.composed()).isEqualTo(Message.of(0xFEE2_B020L, 0x21));
        assertThat(platform.hardware().fire("vf", BusDomainKind.MSIX, 299)).isDeliveredTo("vm0", 299, 0x21, 323);
    }

    @Test
    void withoutExtendedDestinationIdsVcpusAbove255AreLeftOut() {
        PlatformModel model = platform("ManyVcpus")
                .cpus(4, ApicMode.X2APIC)
                .vtd("dmar0")
                .hypervisor(hypervisorWith(true, false, false, MSIX))
                .bus("pci0", device("vf", "03:00.1", msix(2048)))
                .guest("vm0", 300, List.of("vf"), stack("vf", MSIX, 300))
                .build();
        Platform platform = Platform.create(model);

        List<AllocatedInterrupt> irqs = platform.boot().get(0).allocation().interrupts();

        assertThat(irqs.get(255).cpu()).isEqualTo(255);
        assertThat(irqs.get(256).cpu()).isEqualTo(0);
        assertThat(irqs.get(256).vector()).isEqualTo(0x22);
        assertThat(platform.hardware().fire("vf", BusDomainKind.MSIX, 256)).isDeliveredTo("vm0", 0, 0x22, 280);
    }

    @Test
    void anImsQueueWithoutHypercallIsRefusedAtCreationWhenTheGuestKnowsItIsVirtualized() {
        Platform platform = Platform.create(platform("Refused")
                .cpus(2, ApicMode.X2APIC)
                .vtd("dmar0")
                .kvm()
                .bus("pci0", device("vf", "03:00.1", imsQueue(8)))
                .guest("vm0", 1, List.of("vf"), stack("vf", IMS_QUEUE, 2))
                .build());
        Stack ims = guestStack(platform, "vm0", "vf", BusDomainKind.IMS);

        assertThat(ims.created()).isFalse();
        assertThat(ims.creationError()).hasValue(Errno.EOPNOTSUPP);
        StackResult result = platform.boot().get(0);
        assertThat(result.created()).isFalse();
        assertThat(result.errno()).hasValue(Errno.EOPNOTSUPP);
        assertThat(ims.allocate(1)).failedWith(Errno.EOPNOTSUPP);
    }

    @Test
    void aGuestThatCannotDetectVirtualizationComposesAsOnBareMetalAndIsMisrouted() {
        Platform platform = Platform.create(platform("Hidden")
                .cpus(2)
                .hypervisor(hypervisorWith(false, false, false, MSI, MSIX))
                .bus("pci0", device("nic", "03:00.0", msix(8)), device("vf", "03:00.1", imsQueue(8)))
                .host(stack("nic", MSIX, 1))
                .guest("vm0", 1, List.of("vf"), stack("vf", IMS_QUEUE, 1))
                .build());

        StackResult guest = platform.boot().get(1);

        assertThat(guest.created()).isTrue();
        assertThat(guest.allocation().interrupts().get(0).composed()).isEqualTo(Message.compatibility(0, 0x21));
        // the untranslated message names host CPU 0 vector 0x21: the host's nic handler runs
        assertThat(platform.hardware().fire("vf", BusDomainKind.IMS, 0)).isDeliveredTo("host", 0, 0x21, 24);
    }

    @Test
    void anUntrappedGuestMessageReachesTheRemappingUnitUntranslatedAndFaults() {
        Platform platform = Platform.create(platform("Untrapped")
                .cpus(2, ApicMode.X2APIC)
                .vtd("dmar0")
                .hypervisor(hypervisorWith(true, false, false, MSI))
                .bus("pci0", device("vf", "03:00.1", msix(8)))
                .guest("vm0", 1, List.of("vf"), stack("vf", MSIX, 1))
                .build());

        platform.boot();

        assertThat(platform.hardware().read("vf", BusDomainKind.MSIX, 0)).hasValue(Message.compatibility(0, 0x21));
        assertThat(platform.hardware().fire("vf", BusDomainKind.MSIX, 0)).isFault("0x25");
    }

    @Test
    void guestMultiMessageMsiThroughAHypercallTakesAVectorPerMessageThenOneHostBlock() {
        Platform platform = Platform.create(platform("GuestMsi")
                .cpus(2, ApicMode.X2APIC)
                .vtd("dmar0")
                .hypervisor(hypervisorWith(true, true, false))
                .bus("pci0", device("nic", "01:00.0", msix(2)), device("ahci", "00:1f.2", msi(8)))
                .host(remapStack("nic", MSIX, "dmar0", 1))
                .guest("vm0", 2, List.of("ahci"), hcallStack("ahci", MSI, 3))
                .build());

        Allocation three = platform.boot().get(1).allocation();

        // three messages enable four: the host's block is entries 4..7, the fourth not present
        assertThat(three).succeededWith(3);
        for (int slot = 0; slot < 3; slot++) {
            AllocatedInterrupt irq = three.interrupts().get(slot);
            assertThat(irq.remapIndex()).isEqualTo(OptionalInt.of(4 + slot));
            assertThat(irq.composed()).isEqualTo(Message.of(0xFEE0_0098L, slot));
            assertThat(platform.hardware().fire("ahci", BusDomainKind.MSI, slot))
                    .isDeliveredTo("vm0", irq.cpu(), irq.vector(), irq.virq());
        }
        assertThat(platform.hardware().vtdEntry("dmar0", 7)).isEmpty();
        assertThat(platform.hardware().fire("ahci", BusDomainKind.MSI, 3)).isFault("0x22");
        // the guest and the host side go together
        Stack stack = guestStack(platform, "vm0", "ahci", BusDomainKind.MSI);
        assertThat(stack.free(three.interrupts().get(0).virq())).isEmpty();
        assertThat(platform.hardware().vtdEntry("dmar0", 4)).isEmpty();
        assertThat(platform.host().interrupts()).hasSize(1);
        assertThat(stack.allocate(4)).succeededWith(4);
    }

    @Test
    void guestMultiMessageMsiWithoutRemappingOnTheHostIsEnospc() {
        Platform platform = Platform.create(platform("GuestMsiNoRemap")
                .cpus(2)
                .hypervisor(hypervisorWith(true, true, false))
                .bus("pci0", device("ahci", "00:1f.2", msi(4)))
                .guest("vm0", 2, List.of("ahci"), hcallStack("ahci", MSI, 2))
                .build());

        PlatformSnapshot before = platform.snapshot();
        assertThat(platform.boot().get(0).allocation()).failedWith(Errno.ENOSPC);
        assertThat(platform.snapshot().kernels()).isEqualTo(before.kernels());
        Allocation one = guestStack(platform, "vm0", "ahci", BusDomainKind.MSI).allocate(1);
        assertThat(one).succeededWith(1);
        assertThat(platform.hardware().fire("ahci", BusDomainKind.MSI, 0)).isDeliveredTo("vm0", 0, 0x21, 24);
        assertThat(one.interrupts().get(0).remapIndex()).isEqualTo(OptionalInt.empty());
    }
}
