package ${package};

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.runtime.delivery.Trace;
import dev.irqtopo.runtime.message.Message;
import org.junit.jupiter.api.Test;

/** What the design promises, checked on the class the irqtopo plugin generated from it. */
class ImsInGuestTest {

    /** Remappable format, sub-handle valid, sub-handle 0: the message that names remap entry {@code handle}. */
    private static Message remappable(int handle) {
        return Message.of(0xFEE0_0000L | (long) handle << 5 | 0x18, 0);
    }

    /** Boots the platform: every stack of the design is created and allocated. */
    private final ImsInGuest platform = ImsInGuest.boot();

    @Test
    void anImsInterruptReachesTheGuest() {
        // IMS slot 0 was composed by hypercall; it lands on vm0's vCPU 2, vector 0x21, irq 26
        assertThat(platform.hardware().nicvf().ims().fire(0)).isDeliveredTo("vm0", 2, 0x21, 26);
        assertThat(platform.vm0().nicvf().ims().interrupts().get(0).composed()).isRemappable();
    }

    @Test
    void aHostileMessageFromTheGuestsFunctionFaults() {
        // vm0 drives nicvf's DMA, so nicvf can emit any message: here the one that names the host's
        // entry 0, which VT-d has bound to nic (03:00.0). nicvf's writes carry 03:00.1: fault 0x26.
        Message hostsEntry = remappable(0);
        assertThat(platform.hardware().nicvf().emit(hostsEntry)).isFault("0x26");

        Trace trace = platform.hardware().nicvf().trace(hostsEntry);
        assertThat(trace.delivery()).isFault("0x26");
        assertThat(String.join("\n", trace.steps())).contains("03:00.1");

        // compatibility format, which would name a host CPU and vector directly, is blocked: fault 0x25
        assertThat(platform.hardware().nicvf().emit(Message.of(0xFEE0_0000L, 0x21))).isFault("0x25");
    }

    @Test
    void aHostileWriteIntoQueueMemoryStaysWithTheGuest() {
        // queue memory is guest RAM: the guest writes what it likes into a spare IMS slot, and fires it
        int spare = ImsInGuest.Sizes.NICVF_IMS - 1;
        assertThat(platform.vm0().nicvf().ims().write(spare, remappable(0))).isEmpty();
        assertThat(platform.hardware().nicvf().ims().fire(spare)).isFault("0x26");
    }

    @Test
    void theGuestIsIsolated() {
        assertThat(platform.verifyIsolation()).isIsolated();
    }
}
