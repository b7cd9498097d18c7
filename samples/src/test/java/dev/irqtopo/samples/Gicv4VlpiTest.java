package dev.irqtopo.samples;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.runtime.arm64.Arm64Outcome;
import dev.irqtopo.runtime.gic.IgnoreReason;
import dev.irqtopo.runtime.message.Message;
import org.junit.jupiter.api.Test;

/**
 * gicv4-vlpi (arm64): a GICv4 ITS with {@code vlpi on}: KVM forwards vm0's host LPIs 8200 and 8201 as
 * vLPIs, which the ITS delivers to vm0's vCPUs without the host. Isolated.
 */
class Gicv4VlpiTest {

    private final ArmVlpi platform = ArmVlpi.boot();

    @Test
    void theGuestsVectorsAreBackedByForwardedHostLpis() {
        assertThat(platform.vm0().vfMsix().backing(0).orElseThrow().vlpi()).isTrue();
        assertThat(platform.vm0().vfMsix().backing(0).orElseThrow().host().intid()).isEqualTo(8200);
    }

    @Test
    void firingDeliversAsVlpis() {
        assertThat(platform.hardware().vf().msix().fire(1)).isDeliveredTo("vm0", 1, 8193).via(Arm64Outcome.Route.VLPI);
        assertThat(platform.hardware().nvme().msix().fire(0)).isDeliveredTo("host", 0, 8192);
    }

    @Test
    void aHostileWriteBeyondItsIttIsIgnored() {
        // vf's ITT has 4 entries (MSI-X table size): EventID 4 is beyond it
        assertThat(platform.hardware().vf().emit(Message.of(0x0800_0040L, 4)))
                .isIgnoredBecause(IgnoreReason.EVENT_ID_OUT_OF_RANGE);
    }

    @Test
    void theVerdictIsIsolated() {
        assertThat(platform.verifyIsolation()).isIsolated();
    }
}
