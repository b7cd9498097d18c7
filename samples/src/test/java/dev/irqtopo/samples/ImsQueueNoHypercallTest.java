package dev.irqtopo.samples;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.runtime.StackResult;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import org.junit.jupiter.api.Test;

/**
 * ims-queue-no-hypercall: vm0 knows it runs virtualized (cpuid visible) and builds an IMS stack for queue
 * memory without {@code hcall}. Nobody can translate stores into the guest's own RAM, so creating the
 * bus domain fails with EOPNOTSUPP (errno 95): no interrupt is ever allocated. The memory is still the
 * guest's, and what it writes there still reaches the hardware, where VT-d refuses it.
 */
class ImsQueueNoHypercallTest {

    private final ImsQueueNoHypercall platform = ImsQueueNoHypercall.boot();

    @Test
    void domainCreationFailsWithEopnotsupp() {
        ImsQueueNoHypercall.WritableBusDomain ims = platform.vm0().vf1().ims();
        assertThat(ims.created()).isFalse();
        assertThat(ims.stack().creationError()).hasValue(Errno.EOPNOTSUPP);
        assertThat(Errno.EOPNOTSUPP.number()).isEqualTo(95);
        assertThat(ims.interrupts()).isEmpty();

        StackResult boot = platform.bootResults().get(0);
        assertThat(platform.bootResults()).hasSize(1);
        assertThat(boot.kernel()).isEqualTo("vm0");
        assertThat(boot.created()).isFalse();
        assertThat(boot.errno()).hasValue(Errno.EOPNOTSUPP);
        assertThat(boot.allocation()).failedWith(Errno.EOPNOTSUPP);
    }

    @Test
    void everyLaterRequestGetsTheSameAnswer() {
        ImsQueueNoHypercall.WritableBusDomain ims = platform.vm0().vf1().ims();
        assertThat(ims.allocate(1)).failedWith(Errno.EOPNOTSUPP);
        assertThat(ims.allocate(2)).failedWith(Errno.EOPNOTSUPP);
        assertThat(ims.free(24)).hasValue(Errno.ENOENT);
        assertThat(platform.vm0().kernel().interrupts()).isEmpty();
        assertThat(platform.host().kernel().interrupts()).isEmpty();
    }

    @Test
    void theDeviceSendsNothingUntilTheGuestWritesItself() {
        ImsQueueNoHypercall.ImsDevice vf1 = platform.hardware().vf1();
        for (int slot = 0; slot < ImsQueueNoHypercall.Sizes.VF1_IMS; slot++) {
            assertThat(vf1.ims().read(slot)).isEmpty();
            assertThat(vf1.ims().fire(slot)).isNotSent();
        }
        ImsQueueNoHypercall.WritableBusDomain ims = platform.vm0().vf1().ims();
        // its own compatibility message: blocked (compat blocked is the default)
        assertThat(ims.write(0, Message.of(0xFEE0_0000L, 0x21))).isEmpty();
        assertThat(vf1.ims().fire(0)).isFault("0x25");
        // a remappable message: the table is empty, nothing is present
        assertThat(ims.write(1, Message.of(0xFEE0_0018L, 0))).isEmpty();
        assertThat(vf1.ims().fire(1)).isFault("0x22");
    }

    @Test
    void arbitraryMessagesReachNobody() {
        ImsQueueNoHypercall.WritableBusDomain ims = platform.vm0().vf1().ims();
        ArbitraryWrites.Tally tally = ArbitraryWrites.check(platform.verifyIsolation(), "vm0", "vf1",
                BusDomainKind.IMS, m -> ims.write(0, m), () -> platform.hardware().vf1().ims().fire(0));
        assertThat(tally.victims()).isEmpty();
        assertThat(tally.count("delivered")).isEqualTo(0);
        assertThat(tally.count("fault")).isGreaterThan(0);
    }

    @Test
    void isIsolated() {
        assertThat(platform.verifyIsolation()).isIsolated();
    }
}
