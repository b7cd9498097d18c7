package dev.irqtopo.samples;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.runtime.AllocatedInterrupt;
import dev.irqtopo.runtime.Allocation;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.remap.VtdRemapEntry;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * guest-trapped: vf (MSI-X) and dsa (IMS in device memory) are assigned to vm0, and KVM traps stores into
 * both. The guest composes compatibility format for its own vCPUs as on bare metal; the hypervisor
 * decodes each store (destination to vCPU, data to guest vector), allocates a host vector and a VT-d
 * entry for the physical device, and writes the host's remappable message into the real slot. The host
 * vector's handler injects the guest vector. Host: 4 CPUs, xAPIC; vm0: 2 vCPUs.
 */
class GuestTrappedTest {

    private final GuestTrapped platform = GuestTrapped.boot();

    private static Message compatibility(int apicId, int vector) {
        return Message.of(0xFEE0_0000L | (long) apicId << 12, vector);
    }

    private static Message remappable(int handle) {
        return Message.of(0xFEE0_0000L | (long) handle << 5 | 0x18, 0);
    }

    @Test
    void theGuestComposesForItsVcpusAndTheHostEntryIsWhatTheDeviceHolds() {
        // the guest's view: vCPU and guest vector, its own compatibility message, the host's entry
        assertThat(platform.vm0().vf().msix().interrupts()).containsExactly(
                new AllocatedInterrupt(0, 24, 0, 0x21, OptionalInt.of(0), compatibility(0, 0x21)),
                new AllocatedInterrupt(1, 25, 1, 0x21, OptionalInt.of(1), compatibility(1, 0x21))).inOrder();
        assertThat(platform.vm0().dsa().ims().interrupts()).containsExactly(
                new AllocatedInterrupt(0, 26, 0, 0x22, OptionalInt.of(2), compatibility(0, 0x22)));
        // the device's view: the host's remappable message for entries 0, 1 and 2
        GuestTrapped.Hardware hardware = platform.hardware();
        assertThat(hardware.vf().msix().read(0)).hasValue(remappable(0));
        assertThat(hardware.vf().msix().read(1)).hasValue(remappable(1));
        assertThat(hardware.dsa().ims().read(0)).hasValue(remappable(2));
        assertThat(hardware.vf().msix().read(0).orElseThrow()).isRemappable();
    }

    @Test
    void theHostAllocatesAForwardingInterruptPerGuestInterrupt() {
        // the host declared no stack, yet owns three interrupts: one per trapped store, on CPUs 0, 1, 2
        assertThat(platform.host().kernel().interrupts().stream()
                .map(i -> "virq " + i.virq() + " cpu " + i.cpu() + String.format(" vector 0x%x", i.vector())).toList())
                .containsExactly("virq 24 cpu 0 vector 0x21", "virq 25 cpu 1 vector 0x21", "virq 26 cpu 2 vector 0x21")
                .inOrder();
        // xAPIC: the entry's destination field holds the APIC ID shifted left by 8
        VtdRemapEntry dsaEntry = platform.platform().hardware().vtdEntry("dmar0", 2).orElseThrow();
        assertThat(dsaEntry.vector()).isEqualTo(0x21);
        assertThat(dsaEntry.destination()).isEqualTo(2 << 8);
        assertThat(dsaEntry.destinationApicId()).isEqualTo(2);
        // source validation binds each entry to the physical device's requester id
        assertThat(platform.platform().hardware().vtdEntry("dmar0", 0).orElseThrow().sourceValidationLabel())
                .isEqualTo("SVT 01 SID " + GuestTrapped.RequesterIds.VF);
        assertThat(platform.platform().hardware().vtdEntry("dmar0", 2).orElseThrow().sourceValidationLabel())
                .isEqualTo("SVT 01 SID " + GuestTrapped.RequesterIds.DSA);
        // posting is off: the entries are remapped, not posted
        assertThat(platform.platform().hardware().vtdEntry("dmar0", 0).orElseThrow().posted()).isEmpty();
    }

    @Test
    void firingInjectsTheGuestVector() {
        assertThat(platform.hardware().vf().msix().fire(0)).isDeliveredTo("vm0", 0, 0x21, 24);
        assertThat(platform.hardware().vf().msix().fire(1)).isDeliveredTo("vm0", 1, 0x21, 25);
        assertThat(platform.hardware().dsa().ims().fire(0)).isDeliveredTo("vm0", 0, 0x22, 26);
    }

    @Test
    void theGuestCannotStoreUntranslatedIntoTrappedStorage() {
        // no raw-write method is generated for trapped storage ...
        for (Method method : GuestTrapped.BusDomain.class.getMethods()) {
            assertThat(method.getName()).isNotEqualTo("write");
        }
        assertThat(Arrays.stream(GuestTrapped.class.getClasses()).map(Class::getSimpleName).toList())
                .doesNotContain("WritableBusDomain");
        // ... and the runtime refuses one made around the typed API
        assertThat(platform.vm0().kernel().write("vf", BusDomainKind.MSIX, 3, Message.of(0xFEE0_0018L, 0)))
                .hasValue(Errno.EPERM);
        assertThat(platform.vm0().kernel().write("dsa", BusDomainKind.IMS, 3, Message.of(0xFEE0_0018L, 0)))
                .hasValue(Errno.EPERM);
        assertThat(platform.hardware().vf().msix().fire(3)).isNotSent();
    }

    @Test
    void allocateAndFreeGoThroughTheTrapBothWays() {
        GuestTrapped.BusDomain msix = platform.vm0().vf().msix();
        // vCPU 0 has two vectors taken, vCPU 1 one; on the host CPU 3 is the only one with none taken
        Allocation more = msix.allocate(1);
        assertThat(more.interrupts()).containsExactly(
                new AllocatedInterrupt(2, 27, 1, 0x22, OptionalInt.of(3), compatibility(1, 0x22)));
        assertThat(platform.hardware().vf().msix().read(2)).hasValue(remappable(3));
        assertThat(platform.hardware().vf().msix().fire(2)).isDeliveredTo("vm0", 1, 0x22, 27);
        assertThat(platform.host().kernel().interrupts()).hasSize(4);

        assertThat(msix.free(27)).isEmpty();
        // the host side goes too: the slot is masked again, entry 3 and the host vector are free
        assertThat(platform.hardware().vf().msix().fire(2)).isNotSent();
        assertThat(platform.platform().hardware().vtdEntry("dmar0", 3)).isEmpty();
        assertThat(platform.host().kernel().interrupts()).hasSize(3);
        assertThat(msix.free(27)).hasValue(Errno.ENOENT);

        // vf has four MSI-X entries, two taken
        assertThat(msix.allocate(3)).failedWith(Errno.ENOSPC);
        assertThat(msix.allocate(2)).succeededWith(2);
    }

    @Test
    void nothingTheGuestCanWriteReachesTheHardwareUntranslated() {
        assertThat(platform.verifyIsolation()).isIsolated();
        assertThat(platform.verifyIsolation().findings()).isEmpty();
    }
}
