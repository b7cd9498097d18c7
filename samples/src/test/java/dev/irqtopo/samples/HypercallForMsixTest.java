package dev.irqtopo.samples;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.runtime.AllocatedInterrupt;
import dev.irqtopo.runtime.Allocation;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * hypercall-for-msix: a Hyper-V style hypervisor traps only MSI and composes by hypercall, so vm0's MSI-X
 * for nic (00:02.0) is composed on the host and stored by the guest as returned. Nothing traps the
 * MSI-X table: the guest can write it directly, and source validation keeps it to nic's own entries
 * while the host's ssd (00:03.0) keeps its entry 0. Host: 2 CPUs, x2APIC; vm0: 2 vCPUs.
 */
class HypercallForMsixTest {

    private static final int SPARE_SLOT = HypercallForMsix.Sizes.NIC_MSIX - 1;

    private final HypercallForMsix platform = HypercallForMsix.boot();

    private static Message remappable(int handle) {
        return Message.of(0xFEE0_0000L | (long) handle << 5 | 0x18, 0);
    }

    @Test
    void theGuestStoresWhatTheHypercallReturned() {
        assertThat(platform.host().ssd().msix().interrupts()).containsExactly(
                new AllocatedInterrupt(0, 24, 0, 0x21, OptionalInt.of(0), remappable(0)));
        // guest vCPUs 0 and 1 at 0x21; on the host CPU 1, then CPU 0 again at 0x22, with entries 1 and 2
        assertThat(platform.vm0().nic().msix().interrupts()).containsExactly(
                new AllocatedInterrupt(0, 24, 0, 0x21, OptionalInt.of(1), remappable(1)),
                new AllocatedInterrupt(1, 25, 1, 0x21, OptionalInt.of(2), remappable(2))).inOrder();
        for (AllocatedInterrupt irq : platform.vm0().nic().msix().interrupts()) {
            assertThat(platform.hardware().nic().msix().read(irq.slot())).hasValue(irq.composed());
        }
        assertThat(platform.platform().hardware().vtdEntry("dmar0", 2).orElseThrow().destinationApicId()).isEqualTo(0);
        assertThat(platform.platform().hardware().vtdEntry("dmar0", 2).orElseThrow().vector()).isEqualTo(0x22);
    }

    @Test
    void firingDeliversToTheHandlerThatOwnsEachInterrupt() {
        assertThat(platform.hardware().ssd().msix().fire(0)).isDeliveredTo("host", 0, 0x21, 24);
        assertThat(platform.hardware().nic().msix().fire(0)).isDeliveredTo("vm0", 0, 0x21, 24);
        assertThat(platform.hardware().nic().msix().fire(1)).isDeliveredTo("vm0", 1, 0x21, 25);
    }

    @Test
    void theUntrappedTableTakesRawWritesThatSourceValidationStops() {
        HypercallForMsix.WritableBusDomain msix = platform.vm0().nic().msix();
        // ssd's entry 0, bound to 00:03.0
        assertThat(msix.write(SPARE_SLOT, remappable(0))).isEmpty();
        assertThat(platform.hardware().nic().msix().fire(SPARE_SLOT)).isFault("0x26");
        // composing for itself in compatibility format
        assertThat(msix.write(SPARE_SLOT, Message.of(0xFEE0_1000L, 0x21))).isEmpty();
        assertThat(platform.hardware().nic().msix().fire(SPARE_SLOT)).isFault("0x25");
        // its own entry 2, copied into another slot
        assertThat(msix.write(SPARE_SLOT, remappable(2))).isEmpty();
        assertThat(platform.hardware().nic().msix().fire(SPARE_SLOT)).isDeliveredTo("vm0", 1, 0x21, 25);
        // the host's ssd is not the guest's to write
        assertThat(platform.vm0().kernel().write("ssd", BusDomainKind.MSIX, 0, remappable(1))).hasValue(Errno.EPERM);
    }

    @Test
    void allocateAndFreeThroughTheHypercall() {
        HypercallForMsix.WritableBusDomain msix = platform.vm0().nic().msix();
        Allocation more = msix.allocate(1);
        // vCPU 0 first (tie), host CPU 1 (one vector taken against two), entry 3
        assertThat(more.interrupts()).containsExactly(
                new AllocatedInterrupt(2, 26, 0, 0x22, OptionalInt.of(3), remappable(3)));
        assertThat(platform.hardware().nic().msix().fire(2)).isDeliveredTo("vm0", 0, 0x22, 26);
        assertThat(msix.free(26)).isEmpty();
        assertThat(platform.hardware().nic().msix().fire(2)).isNotSent();
        assertThat(platform.platform().hardware().vtdEntry("dmar0", 3)).isEmpty();
        assertThat(msix.allocate(HypercallForMsix.Sizes.NIC_MSIX)).failedWith(Errno.ENOSPC);
        assertThat(msix.interrupts()).hasSize(2);
    }

    @Test
    void arbitraryMessagesInTheTableNeverLeaveTheGuest() {
        HypercallForMsix.WritableBusDomain msix = platform.vm0().nic().msix();
        ArbitraryWrites.Tally tally = ArbitraryWrites.check(platform.verifyIsolation(), "vm0", "nic",
                BusDomainKind.MSIX, m -> msix.write(SPARE_SLOT, m),
                () -> platform.hardware().nic().msix().fire(SPARE_SLOT));
        assertThat(tally.victims()).isEmpty();
        assertThat(tally.count("delivered")).isGreaterThan(0);
        assertThat(tally.count("fault")).isGreaterThan(0);
    }

    @Test
    void isIsolated() {
        assertThat(platform.verifyIsolation()).isIsolated();
    }
}
