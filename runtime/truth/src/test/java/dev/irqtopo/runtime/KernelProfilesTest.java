package dev.irqtopo.runtime;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.model.StorageKind.IMS_DEVICE;
import static dev.irqtopo.model.StorageKind.MSIX;
import static dev.irqtopo.testing.PlatformBuilder.amdViUnit;
import static dev.irqtopo.testing.PlatformBuilder.covering;
import static dev.irqtopo.testing.PlatformBuilder.device;
import static dev.irqtopo.testing.PlatformBuilder.hcallStack;
import static dev.irqtopo.testing.PlatformBuilder.hypervisorWith;
import static dev.irqtopo.testing.PlatformBuilder.imsDevice;
import static dev.irqtopo.testing.PlatformBuilder.msix;
import static dev.irqtopo.testing.PlatformBuilder.platform;
import static dev.irqtopo.testing.PlatformBuilder.remapStack;
import static dev.irqtopo.testing.PlatformBuilder.stack;
import static dev.irqtopo.testing.PlatformBuilder.vtdUnit;
import static dev.irqtopo.testing.PlatformBuilder.withEntries;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.KernelProfile;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.remap.AmdViRemapEntry;
import dev.irqtopo.runtime.remap.VtdRemapEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What each kernel profile does with one design: the destinations its messages and remap entries
 * name, the redirection hint, the vectors it hands out, and the bus domains it refuses. The design
 * profile's behaviour is the specification's, unchanged.
 */
class KernelProfilesTest {

    /**
     * Four host CPUs; nic (03:00.0) behind dmar0 with four remapped MSI-X interrupts, uart (05:00.0) on
     * a bus no unit covers with four composed in compatibility format.
     */
    private static PlatformModel twoPaths(ApicMode apic, Integer... apicIds) {
        return platform("TwoPaths")
                .apicIds(apic, apicIds)
                .iommu(covering(withEntries(vtdUnit("dmar0"), 256), "pci0"))
                .bus("pci0", device("nic", "03:00.0", msix(8)))
                .bus("pci1", device("uart", "05:00.0", msix(8)))
                .host(remapStack("nic", MSIX, "dmar0", 4), stack("uart", MSIX, 4))
                .build();
    }

    private static List<AllocatedInterrupt> boot(Platform platform, int stack) {
        return platform.boot().get(stack).allocation().interrupts();
    }

    private static VtdRemapEntry entry(Platform platform, int index) {
        return platform.hardware().vtdEntry("dmar0", index).orElseThrow();
    }

    @Test
    void linux61InXapicModeNamesAtMostEightCpusByFlatLogicalIdsAndSetsTheRedirectionHint() {
        Platform platform = Platform.create(twoPaths(ApicMode.XAPIC, 0, 1, 2, 3).withKernel(KernelProfile.LINUX_6_1));
        List<StackResult> booted = platform.boot();

        // CPU 0 holds dmar0's fault event, so the matrix starts elsewhere: each slot is checked on its own CPU
        assertThat(booted.get(0).allocation().interrupts().stream().map(AllocatedInterrupt::cpu).toList())
                .containsExactly(0, 1, 2, 3);
        for (int slot = 0; slot < 4; slot++) {
            AllocatedInterrupt remapped = booted.get(0).allocation().interrupts().get(slot);
            int cpu = remapped.cpu();
            VtdRemapEntry entry = entry(platform, remapped.remapIndex().getAsInt());
            // DM = 1, RH = 1, and the logical id 1 << cpu in bits 15:8 of the destination field
            assertThat(entry.logical()).isTrue();
            assertThat(entry.redirectionHint()).isTrue();
            assertThat(entry.destination()).isEqualTo((1 << cpu) << 8);

            AllocatedInterrupt composed = booted.get(1).allocation().interrupts().get(slot);
            int other = composed.cpu();
            assertThat(composed.composed()).isLogical();
            assertThat(composed.composed()).hasDestination(1 << other);
            assertThat(composed.composed()).isEqualTo(Message.of(0xFEE0_0004L | (1L << other) << 12, composed.vector()));
            // both reach their own handler: the CPUs decode the logical ids Linux programmed
            assertThat(platform.hardware().fire("nic", BusDomainKind.MSIX, slot)).isDeliveredTo("host", cpu, remapped.vector());
            assertThat(platform.hardware().fire("uart", BusDomainKind.MSIX, slot)).isDeliveredTo("host", other,
                    composed.vector());
        }
    }

    @Test
    void linux66StillNamesXapicCpusLogicallyButLinux612NamesThemByApicIdWithTheHint() {
        Platform six = Platform.create(twoPaths(ApicMode.XAPIC, 0, 1, 2, 3).withKernel(KernelProfile.LINUX_6_6));
        AllocatedInterrupt logical = boot(six, 1).get(2);
        assertThat(logical.composed()).isEqualTo(Message.of(0xFEE0_0004L | (1L << logical.cpu()) << 12, logical.vector()));

        Platform twelve = Platform.create(twoPaths(ApicMode.XAPIC, 0, 1, 2, 3).withKernel(KernelProfile.LINUX_6_12));
        List<StackResult> booted = twelve.boot();
        AllocatedInterrupt remapped = booted.get(0).allocation().interrupts().get(2);
        VtdRemapEntry entry = entry(twelve, remapped.remapIndex().getAsInt());
        assertThat(entry.logical()).isFalse();
        assertThat(entry.redirectionHint()).isTrue();
        assertThat(entry.destination()).isEqualTo(remapped.cpu() << 8);
        AllocatedInterrupt physical = booted.get(1).allocation().interrupts().get(2);
        assertThat(physical.composed()).isPhysical();
        assertThat(physical.composed()).isEqualTo(Message.compatibility(physical.cpu(), physical.vector()));
    }

    @Test
    void moreThanEightXapicCpusAreNamedByApicIdEvenIn61() {
        Integer[] ids = {0, 1, 2, 3, 4, 5, 6, 7, 8};
        Platform platform = Platform.create(twoPaths(ApicMode.XAPIC, ids).withKernel(KernelProfile.LINUX_6_1));
        List<StackResult> booted = platform.boot();

        for (AllocatedInterrupt irq : booted.get(1).allocation().interrupts()) {
            assertThat(irq.composed()).isEqualTo(Message.compatibility(irq.cpu(), irq.vector()));
        }
        assertThat(entry(platform, booted.get(0).allocation().interrupts().get(3).remapIndex().getAsInt()).logical()).isFalse();
    }

    @Test
    void x2apicWithRemappingNamesCpusByClusterIdsInEveryLinuxProfile() {
        for (KernelProfile linux : List.of(KernelProfile.LINUX_6_1, KernelProfile.LINUX_6_19)) {
            Platform platform = Platform.create(twoPaths(ApicMode.X2APIC, 0, 1, 0x10, 0x13).withKernel(linux));
            List<StackResult> booted = platform.boot();

            int[] logicalIds = {0x0000_0001, 0x0000_0002, 0x0001_0001, 0x0001_0008};
            for (int cpu = 0; cpu < 4; cpu++) {
                AllocatedInterrupt irq = booted.get(0).allocation().interrupts().get(cpu);
                VtdRemapEntry entry = entry(platform, irq.remapIndex().getAsInt());
                assertThat(entry.logical()).isTrue();
                assertThat(entry.redirectionHint()).isTrue();
                // x2APIC mode: the whole 32-bit logical id in the destination field
                assertThat(entry.destination()).isEqualTo(logicalIds[irq.cpu()]);
                assertThat(platform.hardware().fire("nic", BusDomainKind.MSIX, cpu)).isDeliveredTo("host", irq.cpu(),
                        irq.vector());
            }
            // compatibility format carries 8 bits: only APIC IDs 0..7 (cluster 0, bits 7:0) can be named
            for (AllocatedInterrupt irq : booted.get(1).allocation().interrupts()) {
                assertThat(irq.cpu()).isLessThan(2);
                assertThat(irq.composed()).isLogical();
                assertThat(irq.composed()).hasDestination(1 << irq.cpu());
                assertThat(platform.hardware().fire("uart", BusDomainKind.MSIX, irq.slot())).isDeliveredTo("host", irq.cpu(),
                        irq.vector());
            }
        }
    }

    @Test
    void theDesignProfileKeepsPhysicalDestinationsWithoutTheHint() {
        Platform platform = Platform.create(twoPaths(ApicMode.XAPIC, 0, 1, 2, 3));
        List<StackResult> booted = platform.boot();

        VtdRemapEntry entry = entry(platform, booted.get(0).allocation().interrupts().get(1).remapIndex().getAsInt());
        assertThat(entry).isEqualTo(VtdRemapEntry.remapped(0x21, 1, ApicMode.XAPIC, dev.irqtopo.model.SourceCheck.FULL,
                RequesterId.parse("03:00.0")));
        assertThat(entry.logical()).isFalse();
        assertThat(entry.redirectionHint()).isFalse();
        assertThat(booted.get(1).allocation().interrupts().get(1).composed()).isEqualTo(Message.compatibility(1, 0x22));
    }

    @Test
    void amdViEntriesTakeTheDestinationModeButHaveNoHint() {
        Platform platform = Platform.create(platform("AmdVi")
                .cpus(2, ApicMode.XAPIC)
                .iommu(amdViUnit("ivhd0", 512))
                .bus("pci0", device("nic", "03:00.0", msix(8)))
                .host(remapStack("nic", MSIX, "ivhd0", 2))
                .build().withKernel(KernelProfile.LINUX_6_1));
        platform.boot();
        RequesterId nic = RequesterId.parse("03:00.0");

        assertThat(platform.hardware().amdViEntry("ivhd0", nic, 1)).hasValue(AmdViRemapEntry.enabled(0x21, 1 << 1, true));
        assertThat(platform.hardware().fire("nic", BusDomainKind.MSIX, 1)).isDeliveredTo("host", 1, 0x21);
    }

    /** One CPU whose nic asks for one interrupt at a time, until the vector matrix runs out. */
    private static List<Integer> everyVector(KernelProfile kernel) {
        Platform platform = Platform.create(platform("OneCpu")
                .cpus(1)
                .bus("pci0", device("nic", "03:00.0", msix(2048)))
                .host(stack("nic", MSIX, 1))
                .build().withKernel(kernel));
        List<Integer> vectors = new ArrayList<>();
        vectors.add(boot(platform, 0).get(0).vector());
        Stack stack = platform.host().stack("nic", BusDomainKind.MSIX).orElseThrow();
        while (true) {
            Allocation more = stack.allocate(1);
            if (!more.succeeded()) {
                assertThat(more).failedWith(Errno.ENOSPC);
                return vectors;
            }
            vectors.add(more.interrupts().get(0).vector());
        }
    }

    @Test
    void eachProfileHandsOutItsOwnDeviceVectors() {
        List<Integer> design = everyVector(KernelProfile.DESIGN);
        assertThat(design).hasSize(202);
        assertThat(design.get(0)).isEqualTo(0x21);
        assertThat(design.get(design.size() - 1)).isEqualTo(0xEB);

        assertThat(everyVector(KernelProfile.LINUX_6_1)).isEqualTo(design);

        // 6.6 has no cleanup IPI at 0x20 any more, and hands it out first
        List<Integer> six = everyVector(KernelProfile.LINUX_6_6);
        assertThat(six).hasSize(203);
        assertThat(six.get(0)).isEqualTo(0x20);
        assertThat(six.get(six.size() - 1)).isEqualTo(0xEB);

        // from 6.10 the first system vector is 0xEB, which is never a device's
        for (KernelProfile late : List.of(KernelProfile.LINUX_6_12, KernelProfile.LINUX_6_19)) {
            List<Integer> vectors = everyVector(late);
            assertThat(vectors).hasSize(202);
            assertThat(vectors.get(0)).isEqualTo(0x20);
            assertThat(vectors).doesNotContain(0xEB);
            assertThat(vectors.get(vectors.size() - 1)).isEqualTo(0xEA);
            assertThat(vectors).doesNotContain(0x80);
        }
    }

    /** A host stack for IMS in device memory, remapped by dmar0 or composed by the vector domain. */
    private static Platform hostIms(KernelProfile kernel, boolean remapped) {
        return Platform.create(platform("HostIms")
                .cpus(2)
                .vtd("dmar0")
                .bus("pci0", device("dsa", "03:00.0", imsDevice(8)))
                .host(remapped ? remapStack("dsa", IMS_DEVICE, "dmar0", 2) : stack("dsa", IMS_DEVICE, 2))
                .build().withKernel(kernel));
    }

    @Test
    void imsDomainsExistOnlyIn66AndThereOnlyBehindARemapDomain() {
        for (KernelProfile kernel : KernelProfile.values()) {
            for (boolean remapped : new boolean[] {true, false}) {
                Platform platform = hostIms(kernel, remapped);
                StackResult result = platform.boot().get(0);
                boolean created = kernel == KernelProfile.DESIGN || kernel == KernelProfile.LINUX_6_6 && remapped;
                assertThat(result.created()).isEqualTo(created);
                if (created) {
                    assertThat(result.allocation()).succeededWith(2);
                } else {
                    assertThat(result.allocation()).failedWith(Errno.EOPNOTSUPP);
                    assertThat(platform.stacks().get(0).creationError()).hasValue(Errno.EOPNOTSUPP);
                    assertThat(platform.stacks().get(0).allocate(1)).failedWith(Errno.EOPNOTSUPP);
                }
            }
        }
    }

    @Test
    void aLinuxGuestUnderKvmHasNoComposeHypercall() {
        PlatformModel model = platform("Hcall")
                .cpus(2, ApicMode.X2APIC)
                .vtd("dmar0")
                .hypervisor(hypervisorWith(true, true, false))
                .bus("pci0", device("vf", "03:00.1", msix(8)))
                .guest("vm0", 2, List.of("vf"), hcallStack("vf", MSIX, 1))
                .build();

        assertThat(Platform.create(model).boot().get(0).allocation()).succeededWith(1);
        StackResult linux = Platform.create(model.withKernel(KernelProfile.LINUX_6_6)).boot().get(0);
        assertThat(linux.created()).isFalse();
        assertThat(linux.allocation()).failedWith(Errno.EOPNOTSUPP);
    }

    @Test
    void theHostSideOfAGuestInterruptFollowsTheHostsProfile() {
        // vm0 runs the design profile and has IMS in device memory, which the hypervisor traps; the host
        // runs 6.1, which has no IMS domain, so it cannot allocate for the trapped store, which is dropped
        PlatformModel design = platform("TrappedIms")
                .cpus(2)
                .vtd("dmar0")
                .hypervisor(hypervisorWith(true, false, false, StorageKind.IMS_DEVICE))
                .bus("pci0", device("dsa", "03:00.0", imsDevice(8)))
                .guest("vm0", 2, List.of("dsa"), stack("dsa", IMS_DEVICE, 1))
                .build();
        PlatformModel linuxHost = new PlatformModel(design.javaPackage(), design.name(), design.description(), design.cpu(),
                design.iommus(), design.hypervisor(), design.buses(), design.hostStacks(), design.guests(), design.expect(),
                KernelProfile.LINUX_6_1);

        Platform trapped = Platform.create(design);
        assertThat(trapped.boot().get(0).allocation().interrupts().get(0).remapIndex()).isPresent();
        assertThat(trapped.hardware().fire("dsa", BusDomainKind.IMS, 0)).isDeliveredTo("vm0", 0, 0x21);

        Platform refused = Platform.create(linuxHost);
        AllocatedInterrupt guest = refused.boot().get(0).allocation().interrupts().get(0);
        assertThat(guest.remapIndex()).isEmpty();
        assertThat(refused.hardware().fire("dsa", BusDomainKind.IMS, 0)).isNotSent();
        assertThat(refused.host().interrupts()).isEmpty();
    }
}
