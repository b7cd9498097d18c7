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
import static dev.irqtopo.testing.PlatformBuilder.withRemappingOff;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.testing.PlatformBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kernel-like API: bad calls answer with an errno and change nothing; misuse of the API throws. */
class PlatformApiTest {

    /** host: nic (MSI-X, remapped) and ahci (MSI); vm0: vf (MSI-X, trapped) and q (IMS queue, hypercall). */
    private static Platform booted() {
        Platform platform = Platform.create(platform("Api")
                .cpus(2, ApicMode.X2APIC)
                .vtd("dmar0")
                .hypervisor(hypervisorWith(true, true, false, MSI, MSIX))
                .bus("pci0", device("nic", "03:00.0", msix(4)), device("ahci", "00:1f.2", msi(4)),
                        device("vf", "03:00.1", msix(4)), device("q", "03:00.2", imsQueue(4)))
                .host(remapStack("nic", MSIX, "dmar0", 2), remapStack("ahci", MSI, "dmar0", 2))
                .guest("vm0", 2, List.of("vf", "q"), stack("vf", MSIX, 1), hcallStack("q", IMS_QUEUE, 1))
                .build());
        platform.boot();
        return platform;
    }

    private static Stack stackOf(Platform platform, String kernel, String device, BusDomainKind busDomain) {
        Kernel k = kernel.equals("host") ? platform.host() : platform.guest(kernel).orElseThrow();
        return k.stack(device, busDomain).orElseThrow();
    }

    @Test
    void badAllocationRequestsAnswerWithAnErrnoAndChangeNothing() {
        Platform platform = booted();
        PlatformSnapshot before = platform.snapshot();
        Stack nic = stackOf(platform, "host", "nic", BusDomainKind.MSIX);
        Stack ahci = stackOf(platform, "host", "ahci", BusDomainKind.MSI);

        assertThat(nic.allocate(0)).failedWith(Errno.EINVAL);
        assertThat(nic.allocate(-3)).failedWith(Errno.EINVAL);
        assertThat(nic.allocate(3)).failedWith(Errno.ENOSPC);
        assertThat(ahci.allocate(1)).failedWith(Errno.EBUSY);
        assertThat(nic.free(99)).hasValue(Errno.ENOENT);
        // irq 26 exists, but belongs to the ahci stack
        assertThat(nic.free(26)).hasValue(Errno.ENOENT);

        assertThat(platform.snapshot()).isEqualTo(before);
    }

    @Test
    void msiAllocatesOnceAndNoMoreThanTheCapabilityEnablingTheNextPowerOfTwo() {
        Platform platform = booted();
        Stack ahci = stackOf(platform, "host", "ahci", BusDomainKind.MSI);

        assertThat(ahci.free(27)).isEmpty();
        assertThat(ahci.interrupts()).isEmpty();
        assertThat(ahci.allocate(8)).failedWith(Errno.ENOSPC);
        // three messages enable four: the device may send message 3, whose entry is not present
        assertThat(ahci.allocate(3)).succeededWith(3);
        assertThat(platform.hardware().fire("ahci", BusDomainKind.MSI, 3).outcome()).isEqualTo("fault");
        assertThat(ahci.allocate(1)).failedWith(Errno.EBUSY);
        assertThat(ahci.free(ahci.interrupts().get(0).virq())).isEmpty();
        assertThat(ahci.allocate(4)).succeededWith(4);
    }

    @Test
    void freeingEverythingReturnsThePlatformToItsStateBeforeBoot() {
        Platform fresh = Platform.create(booted().model());
        PlatformSnapshot beforeBoot = fresh.snapshot();
        fresh.boot();

        for (Stack s : fresh.stacks()) {
            for (AllocatedInterrupt irq : s.interrupts()) {
                s.free(irq.virq());
            }
        }

        assertThat(fresh.snapshot()).isEqualTo(beforeBoot);
    }

    @Test
    void snapshotsAreEqualForEqualStatesAndDifferAfterAnyChange() {
        PlatformSnapshot one = booted().snapshot();
        Platform other = booted();

        assertThat(other.snapshot()).isEqualTo(one);
        assertThat(other.snapshot().hashCode()).isEqualTo(one.hashCode());
        assertThat(other.host().write("nic", BusDomainKind.MSIX, 3, Message.of(0x1000L, 0))).isEmpty();
        assertThat(other.snapshot()).isNotEqualTo(one);
    }

    @Test
    void rawWritesGoWhereTheKernelMayWriteWithoutATrap() {
        Platform platform = booted();
        Kernel host = platform.host();
        Kernel vm0 = platform.guest("vm0").orElseThrow();
        Message attack = Message.remappable(0, 0);
        PlatformSnapshot before = platform.snapshot();

        assertThat(vm0.write("vf", BusDomainKind.MSIX, 1, attack)).hasValue(Errno.EPERM);
        assertThat(vm0.write("nic", BusDomainKind.MSIX, 1, attack)).hasValue(Errno.EPERM);
        assertThat(host.write("vf", BusDomainKind.MSIX, 1, attack)).hasValue(Errno.EPERM);
        assertThat(vm0.write("nope", BusDomainKind.MSIX, 1, attack)).hasValue(Errno.ENODEV);
        assertThat(vm0.write("q", BusDomainKind.MSIX, 1, attack)).hasValue(Errno.ENODEV);
        assertThat(vm0.write("q", BusDomainKind.IMS, 4, attack)).hasValue(Errno.EINVAL);
        assertThat(host.write("ahci", BusDomainKind.MSI, 1, attack)).hasValue(Errno.EINVAL);
        assertThat(platform.snapshot()).isEqualTo(before);

        // the IMS queue is the guest's own memory: its store reaches the device as written
        assertThat(vm0.write("q", BusDomainKind.IMS, 3, attack)).isEmpty();
        assertThat(platform.hardware().read("q", BusDomainKind.IMS, 3)).hasValue(attack);
        assertThat(platform.hardware().fire("q", BusDomainKind.IMS, 3)).isFault("0x26");
    }

    @Test
    void aRawMsiWriteSetsTheOneMessageTheWholeBlockShares() {
        Platform platform = booted();

        assertThat(platform.host().write("ahci", BusDomainKind.MSI, 0, Message.of(0xFEE0_0000L, 0x40))).isEmpty();

        // two messages enabled: message 1 carries 1 in data bit 0
        assertThat(platform.hardware().read("ahci", BusDomainKind.MSI, 1)).hasValue(Message.of(0xFEE0_0000L, 0x41));
        assertThat(platform.hardware().fire("ahci", BusDomainKind.MSI, 1)).isFault("0x25");
        assertThat(platform.hardware().read("ahci", BusDomainKind.MSI, 2)).isEmpty();
    }

    @Test
    void kernelsAndStacksAreFoundByNameInBootOrder() {
        Platform platform = booted();

        assertThat(platform.kernels().stream().map(Kernel::name).toList()).containsExactly("host", "vm0").inOrder();
        assertThat(platform.stacks().stream().map(s -> s.kernel().name() + " " + s.device()).toList())
                .containsExactly("host nic", "host ahci", "vm0 vf", "vm0 q").inOrder();
        assertThat(platform.guest("host")).isEmpty();
        assertThat(platform.guest("vm9")).isEmpty();
        assertThat(platform.host().stack("vf", BusDomainKind.MSIX)).isEmpty();
        assertThat(platform.guest("vm0").orElseThrow().cpus()).isEqualTo(2);
        assertThat(stackOf(platform, "host", "nic", BusDomainKind.MSIX).chain()).containsExactly("vector", "remap dmar0", "msix");
    }

    @Test
    void misusingTheApiIsAProgrammingError() {
        Platform platform = booted();
        Hardware hw = platform.hardware();

        assertThrows(IllegalStateException.class, platform::boot);
        assertThrows(IllegalArgumentException.class, () -> hw.fire("nope", BusDomainKind.MSIX, 0));
        assertThrows(IllegalArgumentException.class, () -> hw.fire("nic", BusDomainKind.IMS, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> hw.fire("nic", BusDomainKind.MSIX, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> hw.read("nic", BusDomainKind.MSIX, -1));
    }

    @Test
    void modelsTheCheckerWouldRejectAreRefused() {
        PlatformBuilder.DeviceSpec nic = device("nic", "03:00.0", msix(4));
        // a stack for a device assigned to a guest
        assertThrows(IllegalArgumentException.class, () -> Platform.create(platform("Bad").cpus(1).kvm()
                .bus("pci0", nic).host(stack("nic", MSIX, 1)).guest("vm0", 1, List.of("nic")).build()));
        // a stack for a storage the device lacks
        assertThrows(IllegalArgumentException.class, () -> Platform.create(platform("Bad").cpus(1)
                .bus("pci0", nic).host(stack("nic", MSI, 1)).build()));
        // remap through a unit with remapping off
        assertThrows(IllegalArgumentException.class, () -> Platform.create(platform("Bad").cpus(1)
                .iommu(withRemappingOff(vtdUnit("dmar0"))).bus("pci0", nic).host(remapStack("nic", MSIX, "dmar0", 1)).build()));
        // hcall without the compose hypercall
        assertThrows(IllegalArgumentException.class, () -> Platform.create(platform("Bad").cpus(1).kvm()
                .bus("pci0", nic).guest("vm0", 1, List.of("nic"), hcallStack("nic", MSIX, 1)).build()));
        // two stacks for one storage
        PlatformModel twice = platform("Bad").cpus(1).bus("pci0", nic).host(stack("nic", MSIX, 1), stack("nic", MSIX, 1)).build();
        assertThrows(IllegalArgumentException.class, () -> Platform.create(twice));
    }
}
