package dev.irqtopo.samples;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.runtime.arm64.Arm64Outcome;
import dev.irqtopo.runtime.arm64.Arm64StackResult;
import dev.irqtopo.runtime.gic.IgnoreReason;
import dev.irqtopo.runtime.message.Message;
import org.junit.jupiter.api.Test;

/**
 * sriov-its (arm64): a PF and two VFs behind one ITS and an SMMU; each VF in its own guest. The
 * msi-map gives each function its requester id as DeviceID (0x300, 0x301, 0x302), each with its own
 * ITT: a guest's DMA reaches only its own events. Isolated, as Linux says.
 */
class SriovItsTest {

    private final ArmIts platform = ArmIts.boot();

    @Test
    void bootGivesThePfTwoLpisOnItsOwnDeviceId() {
        Arm64StackResult pf = platform.host().pfMsix();
        assertThat(pf.deviceId().getAsLong()).isEqualTo(0x300);
        assertThat(pf.interrupts().stream().map(v -> v.intid()).toList()).containsExactly(8192, 8193).inOrder();
        assertThat(pf.interrupts().stream().map(v -> v.cpu()).toList()).containsExactly(0, 1).inOrder();
    }

    @Test
    void firingTheSlotsDeliversToTheirOwners() {
        assertThat(platform.hardware().pf().msix().fire(1)).isDeliveredTo("host", 1, 8193).via(Arm64Outcome.Route.HOST);
        // vm0's vector: trapped, backed by host LPI 8200 on its0, injected through vm0's vITS
        assertThat(platform.hardware().vf0().msix().fire(0)).isDeliveredTo("vm0", 0, 8192).via(Arm64Outcome.Route.IRQFD);
        assertThat(platform.vm0().vf0Msix().trapped()).isTrue();
    }

    @Test
    void aHostileWriteOfVf0ReachesNothingOfAnotherOwner() {
        // the MSI window's page maps to its0; EventID 3 is in vf0's ITT range (4 entries) but unmapped
        assertThat(platform.hardware().vf0().emit(Message.of(0x0800_0040L, 3)))
                .isIgnoredBecause(IgnoreReason.EVENT_ID_UNMAPPED);
        // any other page of the window faults in the SMMU
        assertThat(platform.hardware().vf0().emit(Message.of(0x0800_1040L, 0))).isSmmuFault();
    }

    @Test
    void theVerdictIsIsolated() {
        assertThat(platform.verifyIsolation()).isIsolated();
        assertThat(platform.verifyIsolation()).isAsExpected();
    }
}
