package dev.irqtopo.samples;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.runtime.AllocatedInterrupt;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * guest-unaware: vm0 cannot detect that it is virtualized (cpuid hidden), so it builds its IMS domain for
 * queue memory as on bare metal: creation succeeds, the guest composes compatibility format for its own
 * vCPUs, and nothing traps the store. The device emits the guest's message untranslated and VT-d, with
 * compatibility format blocked, faults every one of them (reason 0x25). Host: 4 CPUs, x2APIC; vm0: 2 vCPUs.
 */
class GuestUnawareTest {

    private final GuestUnaware platform = GuestUnaware.boot();

    private static Message compatibility(int apicId, int vector) {
        return Message.of(0xFEE0_0000L | (long) apicId << 12, vector);
    }

    @Test
    void theDomainIsCreatedAsOnBareMetal() {
        GuestUnaware.WritableBusDomain ims = platform.vm0().vf1().ims();
        assertThat(ims.created()).isTrue();
        assertThat(platform.bootResults().get(0).errno()).isEmpty();
        // no remap entry exists for them: nobody on the host was asked
        assertThat(ims.interrupts()).containsExactly(
                new AllocatedInterrupt(0, 24, 0, 0x21, OptionalInt.empty(), compatibility(0, 0x21)),
                new AllocatedInterrupt(1, 25, 1, 0x21, OptionalInt.empty(), compatibility(1, 0x21))).inOrder();
        assertThat(platform.host().kernel().interrupts()).isEmpty();
    }

    @Test
    void theDeviceEmitsTheGuestsMessageAndVtdFaultsIt() {
        GuestUnaware.ImsDevice vf1 = platform.hardware().vf1();
        for (AllocatedInterrupt irq : platform.vm0().vf1().ims().interrupts()) {
            assertThat(vf1.ims().read(irq.slot())).hasValue(irq.composed());
            assertThat(irq.composed()).isCompatibilityFormat();
            assertThat(vf1.ims().fire(irq.slot())).isFault("0x25");
        }
    }

    @Test
    void moreInterruptsFaultTheSameWay() {
        GuestUnaware.WritableBusDomain ims = platform.vm0().vf1().ims();
        assertThat(ims.allocate(1).interrupts()).containsExactly(
                new AllocatedInterrupt(2, 26, 0, 0x22, OptionalInt.empty(), compatibility(0, 0x22)));
        assertThat(platform.hardware().vf1().ims().fire(2)).isFault("0x25");
        assertThat(ims.free(26)).isEmpty();
        assertThat(platform.hardware().vf1().ims().fire(2)).isNotSent();
        assertThat(ims.free(26)).hasValue(Errno.ENOENT);
    }

    @Test
    void rawWritesReachTheHardwareButNoEntryExists() {
        GuestUnaware.WritableBusDomain ims = platform.vm0().vf1().ims();
        assertThat(ims.write(63, Message.of(0xFEE0_0018L, 0))).isEmpty();
        assertThat(platform.hardware().vf1().ims().fire(63)).isFault("0x22");
        assertThat(ims.write(63, Message.of(0xFEE0_0000L, 0xEF))).isEmpty();
        assertThat(platform.hardware().vf1().ims().fire(63)).isFault("0x25");
    }

    @Test
    void arbitraryMessagesReachNobody() {
        GuestUnaware.WritableBusDomain ims = platform.vm0().vf1().ims();
        ArbitraryWrites.Tally tally = ArbitraryWrites.check(platform.verifyIsolation(), "vm0", "vf1",
                BusDomainKind.IMS, m -> ims.write(63, m), () -> platform.hardware().vf1().ims().fire(63));
        assertThat(tally.victims()).isEmpty();
        assertThat(tally.count("delivered")).isEqualTo(0);
    }

    @Test
    void isIsolatedBecauseEverythingFaults() {
        assertThat(platform.verifyIsolation()).isIsolated();
    }
}
