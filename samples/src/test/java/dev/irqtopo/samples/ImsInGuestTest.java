package dev.irqtopo.samples;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.runtime.AllocatedInterrupt;
import dev.irqtopo.runtime.Allocation;
import dev.irqtopo.runtime.StackResult;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * ims-in-guest: the design's central case. nicvf (03:00.1) is passed through to vm0 with a trapped MSI-X
 * table and IMS slots in queue memory, which is guest RAM and cannot be trapped, so vm0's IMS stack asks
 * the hypervisor to allocate and compose by hypercall. VT-d checks the full requester id and blocks
 * compatibility format, so whatever vm0 writes into queue memory can reach only its own entries.
 * Host: 8 CPUs, x2APIC; vm0: 4 vCPUs.
 */
class ImsInGuestTest {

    /** IMS slots in queue memory that boot leaves unused: free for the guest's own writes. */
    private static final int SPARE_SLOT = ImsInGuest.Sizes.NICVF_IMS - 1;

    private final ImsInGuest platform = ImsInGuest.boot();

    private static Message compatibility(int apicId, int vector) {
        return Message.of(0xFEE0_0000L | (long) apicId << 12, vector);
    }

    /** Remappable, sub-handle valid, sub-handle 0: 0xFEE00000 | handle << 5 | 0x18. */
    private static Message remappable(int handle) {
        return Message.of(0xFEE0_0000L | (long) handle << 5 | 0x18, 0);
    }

    @Test
    void bootCreatesAndAllocatesEveryStack() {
        List<StackResult> boot = platform.bootResults();
        assertThat(boot.stream().map(r -> r.kernel() + " " + r.device() + "." + r.storage().keyword()).toList())
                .containsExactly("host nic.msix", "vm0 nicvf.msix", "vm0 nicvf.ims").inOrder();
        assertThat(boot.get(0).allocation()).succeededWith(4);
        assertThat(boot.get(1).allocation()).succeededWith(2);
        assertThat(boot.get(2).allocation()).succeededWith(16);
        assertThat(boot.get(2).chain()).containsExactly("vector", "hcall", "ims").inOrder();
        assertThat(platform.vm0().nicvf().ims().created()).isTrue();
    }

    @Test
    void theHostsOwnMsixIsRemapped() {
        List<AllocatedInterrupt> nic = platform.host().nic().msix().interrupts();
        for (int slot = 0; slot < 4; slot++) {
            assertThat(nic.get(slot)).isEqualTo(
                    new AllocatedInterrupt(slot, 24 + slot, slot, 0x21, OptionalInt.of(slot), remappable(slot)));
            assertThat(platform.hardware().nic().msix().fire(slot)).isDeliveredTo("host", slot, 0x21, 24 + slot);
        }
    }

    @Test
    void theTrappedMsixIsComposedByTheGuestAndTranslatedByTheHypervisor() {
        // the guest composes compatibility format; the hypervisor stores the remappable message of the
        // host entry it allocated next: entries 4 and 5
        assertThat(platform.vm0().nicvf().msix().interrupts()).containsExactly(
                new AllocatedInterrupt(0, 24, 0, 0x21, OptionalInt.of(4), compatibility(0, 0x21)),
                new AllocatedInterrupt(1, 25, 1, 0x21, OptionalInt.of(5), compatibility(1, 0x21))).inOrder();
        assertThat(platform.hardware().nicvf().msix().read(0)).hasValue(Message.of(0xFEE0_0098L, 0));
        assertThat(platform.hardware().nicvf().msix().read(1)).hasValue(Message.of(0xFEE0_00B8L, 0));
        assertThat(platform.hardware().nicvf().msix().fire(0)).isDeliveredTo("vm0", 0, 0x21, 24);
        assertThat(platform.hardware().nicvf().msix().fire(1)).isDeliveredTo("vm0", 1, 0x21, 25);
    }

    @Test
    void imsInQueueMemoryIsComposedByHypercallAndStoredAsReturned() {
        // vCPUs 0 and 1 hold the MSI-X vectors, so the sixteen IMS interrupts go round the vCPUs from
        // vCPU 2, each round one vector higher; the host's entries follow on from 6
        List<AllocatedInterrupt> ims = platform.vm0().nicvf().ims().interrupts();
        assertThat(ims).hasSize(16);
        for (int slot = 0; slot < 16; slot++) {
            int vcpu = (slot + 2) % 4;
            int vector = 0x21 + (slot + 2) / 4;
            int entry = 6 + slot;
            AllocatedInterrupt irq = ims.get(slot);
            assertThat(irq).isEqualTo(new AllocatedInterrupt(slot, 26 + slot, vcpu, vector, OptionalInt.of(entry),
                    remappable(entry)));
            assertThat(irq.composed()).isRemappable();
            assertThat(irq.composed()).hasHandle(entry);
            assertThat(platform.hardware().nicvf().ims().read(slot)).hasValue(irq.composed());
            assertThat(platform.hardware().nicvf().ims().fire(slot)).isDeliveredTo("vm0", vcpu, vector, 26 + slot);
        }
        assertThat(ims.get(15).composed()).hasAddress(0xFEE0_02B8L);
    }

    @Test
    void whateverTheGuestWritesIntoQueueMemoryStaysWithTheGuest() {
        ImsInGuest.WritableBusDomain ims = platform.vm0().nicvf().ims();
        ImsInGuest.MsixImsDevice nicvf = platform.hardware().nicvf();

        // the host's entry 0 for nic: bound to 03:00.0, and nicvf's writes carry 03:00.1
        assertThat(ims.write(SPARE_SLOT, remappable(0))).isEmpty();
        assertThat(nicvf.ims().read(SPARE_SLOT)).hasValue(remappable(0));
        assertThat(nicvf.ims().fire(SPARE_SLOT)).isFault("0x26");

        // the guest composing for itself, as on bare metal: compatibility format is blocked
        assertThat(ims.write(SPARE_SLOT, compatibility(0, 0x21))).isEmpty();
        assertThat(nicvf.ims().fire(SPARE_SLOT)).isFault("0x25");

        // an entry that is not present (22 is the first entry boot left free)
        assertThat(ims.write(SPARE_SLOT, remappable(22))).isEmpty();
        assertThat(nicvf.ims().fire(SPARE_SLOT)).isFault("0x22");

        // sub-handle valid and data bits 31:16 set
        assertThat(ims.write(SPARE_SLOT, Message.of(0xFEE0_0098L, 0x0001_0000))).isEmpty();
        assertThat(nicvf.ims().fire(SPARE_SLOT)).isFault("0x20");

        // outside the interrupt range: a DMA write
        assertThat(ims.write(SPARE_SLOT, Message.of(0x1000L, 0))).isEmpty();
        assertThat(nicvf.ims().fire(SPARE_SLOT)).isMemoryWrite();

        // its own entries are fair game: entry 4 is its MSI-X slot 0, entry 6 + 1 sub-handle its IMS slot 1
        assertThat(ims.write(SPARE_SLOT, remappable(4))).isEmpty();
        assertThat(nicvf.ims().fire(SPARE_SLOT)).isDeliveredTo("vm0", 0, 0x21, 24);
        assertThat(ims.write(SPARE_SLOT, Message.of(0xFEE0_00D8L, 1))).isEmpty();
        assertThat(nicvf.ims().fire(SPARE_SLOT)).isDeliveredTo("vm0", 3, 0x21, 27);

        // a slot outside the storage
        assertThat(ims.write(ImsInGuest.Sizes.NICVF_IMS, remappable(4))).hasValue(Errno.EINVAL);
    }

    @Test
    void theTrappedMsixTableHasNoRawWrite() {
        assertThat(platform.vm0().nicvf().msix()).isNotInstanceOf(ImsInGuest.WritableBusDomain.class);
        assertThat(platform.vm0().kernel().write("nicvf", BusDomainKind.MSIX, 7, remappable(0)))
                .hasValue(Errno.EPERM);
        // nor may a guest write a device it was not given
        assertThat(platform.vm0().kernel().write("nic", BusDomainKind.MSIX, 7, remappable(0)))
                .hasValue(Errno.EPERM);
    }

    @Test
    void arbitraryMessagesInQueueMemoryNeverLeaveTheGuest() {
        ImsInGuest.WritableBusDomain ims = platform.vm0().nicvf().ims();
        ArbitraryWrites.Tally tally = ArbitraryWrites.check(platform.verifyIsolation(), "vm0", "nicvf",
                BusDomainKind.IMS, m -> ims.write(SPARE_SLOT, m), () -> platform.hardware().nicvf().ims().fire(SPARE_SLOT));
        assertThat(tally.victims()).isEmpty();
        // the draws did reach the guest's own interrupts and each kind of refusal
        assertThat(tally.count("delivered")).isGreaterThan(0);
        assertThat(tally.count("fault")).isGreaterThan(0);
        assertThat(tally.count("memory_write")).isGreaterThan(0);
    }

    @Test
    void allocateAndFreeThroughTheHypercallDomain() {
        ImsInGuest.WritableBusDomain ims = platform.vm0().nicvf().ims();
        // after boot vCPUs 0 and 1 hold five vectors each, vCPUs 2 and 3 four: 2 and 3 go first, at 0x25
        Allocation more = ims.allocate(2);
        assertThat(more.interrupts()).containsExactly(
                new AllocatedInterrupt(16, 42, 2, 0x25, OptionalInt.of(22), remappable(22)),
                new AllocatedInterrupt(17, 43, 3, 0x25, OptionalInt.of(23), remappable(23))).inOrder();
        assertThat(platform.hardware().nicvf().ims().fire(17)).isDeliveredTo("vm0", 3, 0x25, 43);

        assertThat(ims.free(42)).isEmpty();
        assertThat(platform.hardware().nicvf().ims().fire(16)).isNotSent();
        // the host's entry went with it
        assertThat(platform.hardware().nicvf().emit(remappable(22))).isFault("0x22");
        assertThat(ims.free(42)).hasValue(Errno.ENOENT);

        // the lowest free slot, entry and irq number come back
        assertThat(ims.allocate(1).interrupts()).containsExactly(
                new AllocatedInterrupt(16, 42, 2, 0x25, OptionalInt.of(22), remappable(22)));
        assertThat(platform.verifyIsolation()).isIsolated();
    }

    @Test
    void isIsolated() {
        assertThat(platform.verifyIsolation()).isIsolated();
    }
}
