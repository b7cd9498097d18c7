package dev.irqtopo.runtime;

import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.model.StorageKind.IMS_QUEUE;
import static dev.irqtopo.model.StorageKind.MSI;
import static dev.irqtopo.model.StorageKind.MSIX;
import static dev.irqtopo.testing.PlatformBuilder.amdViUnit;
import static dev.irqtopo.testing.PlatformBuilder.covering;
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
import static dev.irqtopo.testing.PlatformBuilder.withRemappingOff;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.testing.PlatformBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link Platform#create} refuses in a model the checker would have refused, and what the
 * platform's public queries answer before and after boot.
 */
class PlatformRulesTest {

    /** A host nic (MSI-X through dmar0), a host disk (MSI), and a guest's function (MSI-X, trapped). */
    private static PlatformBuilder base() {
        return platform("Rules").cpus(2, ApicMode.X2APIC)
                .iommu(covering(vtdUnit("dmar0"), "pci0"))
                .hypervisor(hypervisorWith(true, true, false, MSI, MSIX))
                .bus("pci0", device("nic", "03:00.0", msix(4)), device("ahci", "00:1f.2", msi(4)),
                        device("vf", "03:00.1", msix(4)), device("q", "03:00.2", imsQueue(4)));
    }

    private static String refusal(PlatformModel model) {
        return assertThrows(IllegalArgumentException.class, () -> Platform.create(model)).getMessage();
    }

    @Test
    void kernelsAndDevicesHaveOneNameEach() {
        assertThat(refusal(base().guest("vm0", 1, List.of("vf")).guest("vm0", 1, List.of("q")).build()))
                .contains("two kernels named vm0");
        assertThat(refusal(base().bus("pci1", device("nic", "04:00.0", msix(4))).build()))
                .contains("two devices named nic");
    }

    @Test
    void aGuestIsAssignedOnlyDevicesThatExistAndNoOtherGuestHas() {
        assertThat(refusal(base().guest("vm0", 1, List.of("vf", "nope")).build()))
                .contains("guest vm0 is assigned nope, which is unknown or assigned elsewhere");
        assertThat(refusal(base().guest("vm0", 1, List.of("vf")).guest("vm1", 1, List.of("vf")).build()))
                .contains("guest vm1 is assigned vf");
    }

    @Test
    void aKernelHasAStackOnlyForTheStoragesOfDevicesItOwns() {
        assertThat(refusal(base().host(stack("vf", MSIX, 1)).guest("vm0", 1, List.of("vf")).build()))
                .contains("host has a stack for vf, which it does not own");
        assertThat(refusal(base().host(stack("nope", MSIX, 1)).build()))
                .contains("host has a stack for nope, which it does not own");
        assertThat(refusal(base().host(stack("ahci", MSIX, 1)).build())).contains("device ahci has no msix storage");
        assertThat(refusal(base().host(stack("nic", MSIX, 1), remapStack("nic", MSIX, "dmar0", 1)).build()))
                .contains("host has two stacks for nic.msix");
    }

    @Test
    void aRemapLinkNamesTheUnitThatTranslatesTheDeviceForTheHost() {
        // the guest cannot program the IOMMU
        assertThat(refusal(base().guest("vm0", 1, List.of("vf"), remapStack("vf", MSIX, "dmar0", 1)).build()))
                .contains("remap dmar0 does not translate vf for vm0");
        assertThat(refusal(base().host(remapStack("nic", MSIX, "dmar9", 1)).build()))
                .contains("remap dmar9 does not translate nic for host");
        // the first unit that covers the bus translates it
        PlatformModel twoUnits = platform("Two").cpus(2, ApicMode.X2APIC)
                .iommu(covering(vtdUnit("dmar0"), "pci0")).iommu(covering(vtdUnit("dmar1"), "pci0"))
                .bus("pci0", device("nic", "03:00.0", msix(4)))
                .host(remapStack("nic", MSIX, "dmar1", 1)).build();
        assertThat(refusal(twoUnits)).contains("remap dmar1 does not translate nic for host");
        PlatformModel firstOff = platform("FirstOff").cpus(2, ApicMode.X2APIC)
                .iommu(covering(withRemappingOff(vtdUnit("dmar0")), "pci0")).iommu(covering(vtdUnit("dmar1"), "pci0"))
                .bus("pci0", device("nic", "03:00.0", msix(4)))
                .host(remapStack("nic", MSIX, "dmar1", 1)).build();
        assertThat(refusal(firstOff)).contains("remap dmar1 does not translate nic for host");
        PlatformModel first = platform("First").cpus(2, ApicMode.X2APIC)
                .iommu(covering(vtdUnit("dmar0"), "pci0")).iommu(covering(vtdUnit("dmar1"), "pci0"))
                .bus("pci0", device("nic", "03:00.0", msix(4)))
                .host(remapStack("nic", MSIX, "dmar0", 1)).build();
        assertThat(Platform.create(first).stacks()).hasSize(1);
    }

    @Test
    void onlyAGuestWhoseHypervisorOffersTheComposeHypercallHasAnHcallLink() {
        assertThat(refusal(base().host(hcallStack("q", IMS_QUEUE, 1)).build()))
                .contains("host has no compose hypercall for q");
        PlatformModel hidden = platform("Hidden").cpus(2, ApicMode.X2APIC)
                .hypervisor(hypervisorWith(false, true, false, MSI, MSIX))
                .bus("pci0", device("q", "03:00.2", imsQueue(4)))
                .guest("vm0", 1, List.of("q"), hcallStack("q", IMS_QUEUE, 1)).build();
        assertThat(refusal(hidden)).contains("vm0 has no compose hypercall for q");
    }

    @Test
    void bootingOnceAndTheSnapshotListsOnlyStoragesInUse() {
        Platform platform = Platform.create(base().host(remapStack("nic", MSIX, "dmar0", 2)).build());
        assertThat(platform.isBooted()).isFalse();
        assertThat(platform.snapshot().storages()).isEmpty();
        assertThat(platform.snapshot().entries()).isEmpty();

        platform.boot();
        assertThat(platform.isBooted()).isTrue();
        assertThrows(IllegalStateException.class, platform::boot);
        PlatformSnapshot snapshot = platform.snapshot();
        assertThat(snapshot.storages()).hasSize(1);
        assertThat(snapshot.storages().get(0).device()).isEqualTo("nic");
        assertThat(snapshot.storages().get(0).storage()).isEqualTo(BusDomainKind.MSIX);
        assertThat(snapshot.entries()).hasSize(2);
        PlatformSnapshot.KernelState host = snapshot.kernels().get(0);
        assertThat(host.virqs()).hasSize(2);
        assertThat(host.interrupts()).hasSize(2);
        // each allocated vector is listed with its owner, and nothing else
        assertThat(host.vectors()).hasSize(2);
        for (PlatformSnapshot.VectorState vector : host.vectors()) {
            assertThat(vector.allocated()).isTrue();
            assertThat(host.virqs()).contains(vector.ownerVirq());
        }
    }

    @Test
    void aKernelWritesOnlySlotsItsDeviceHas() {
        Platform platform = Platform.create(base().build());
        Kernel host = platform.host();
        Message message = Message.compatibility(0, 0x30);

        assertThat(host.write("nic", BusDomainKind.MSIX, -1, message)).hasValue(Errno.EINVAL);
        assertThat(host.write("nic", BusDomainKind.MSIX, 4, message)).hasValue(Errno.EINVAL);
        assertThat(host.write("ahci", BusDomainKind.MSI, 1, message)).hasValue(Errno.EINVAL);
        assertThat(platform.snapshot().storages()).isEmpty();

        assertThat(host.write("nic", BusDomainKind.MSIX, 0, message)).isEmpty();
        assertThat(host.write("nic", BusDomainKind.MSIX, 3, message)).isEmpty();
        assertThat(host.write("ahci", BusDomainKind.MSI, 0, message)).isEmpty();
        assertThat(platform.hardware().read("nic", BusDomainKind.MSIX, 3)).hasValue(message);
        assertThat(platform.hardware().read("ahci", BusDomainKind.MSI, 0)).hasValue(message);
    }

    @Test
    void entriesAreLookedUpOnlyInAUnitOfTheirKind() {
        Platform platform = Platform.create(platform("Kinds").cpus(2, ApicMode.X2APIC)
                .iommu(covering(vtdUnit("dmar0"), "pci0")).iommu(covering(amdViUnit("ivhd0", 512), "pci1"))
                .bus("pci0", device("nic", "03:00.0", msix(4)))
                .bus("pci1", device("disk", "04:00.0", msix(4)))
                .host(remapStack("nic", MSIX, "dmar0", 1), remapStack("disk", MSIX, "ivhd0", 1)).build());
        platform.boot();
        RequesterId disk = RequesterId.parse("04:00.0");

        assertThat(platform.hardware().vtdEntry("dmar0", 0)).isPresent();
        assertThat(platform.hardware().amdViEntry("ivhd0", disk, 0)).isPresent();
        assertThat(platform.hardware().vtdEntry("ivhd0", 0)).isEmpty();
        assertThat(platform.hardware().amdViEntry("dmar0", disk, 0)).isEmpty();
        assertThat(platform.hardware().vtdEntry("nope", 0)).isEmpty();
        assertThrows(IllegalArgumentException.class, () -> platform.hardware().fire("nope", BusDomainKind.MSIX, 0));
        assertThrows(IllegalArgumentException.class, () -> platform.hardware().fire("nic", BusDomainKind.MSI, 0));
    }
}
