package dev.irqtopo.samples;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.runtime.arm64.isolation.Arm64FindingClass;
import dev.irqtopo.runtime.message.Message;
import org.junit.jupiter.api.Test;

/**
 * msi-map-alias (arm64): {@code msi_map_mask 0xfff8} folds 04:00.0 and 04:00.1 onto DeviceID 0x400, one
 * ITT for both: events 0 and 1 back vm0's vectors, 2 and 3 vm1's. Each guest's DMA raises the other's.
 * The ITS sets IRQ_DOMAIN_FLAG_ISOLATED_MSI, so Linux would assign both.
 */
class MsiMapAliasTest {

    private final ArmAlias platform = ArmAlias.boot();

    @Test
    void bothFunctionsShareOneDeviceIdOnTheHost() {
        assertThat(platform.vm0().faMsix().backing(0).orElseThrow().host().deviceId().getAsLong()).isEqualTo(0x400);
        assertThat(platform.vm1().fbMsix().backing(0).orElseThrow().host().deviceId().getAsLong()).isEqualTo(0x400);
        assertThat(platform.vm1().fbMsix().backing(0).orElseThrow().host().eventId().getAsLong()).isEqualTo(2);
    }

    @Test
    void firingDeliversEachVectorToItsGuest() {
        assertThat(platform.hardware().fa().msix().fire(0)).isDeliveredTo("vm0", 0, 8192);
        assertThat(platform.hardware().fb().msix().fire(1)).isDeliveredTo("vm1", 1, 8193);
    }

    @Test
    void faWritesEventTwoAndRaisesVm1sInterrupt() {
        assertThat(platform.hardware().fa().emit(Message.of(0x0800_0040L, 2))).isDeliveredTo("vm1", 0, 8192);
    }

    @Test
    void theVerdictIsABreachLinuxWouldAssign() {
        assertThat(platform.verifyIsolation()).hasFinding("vm0", "vm1", Arm64FindingClass.SHARED_DEVICE_ID);
        assertThat(platform.verifyIsolation()).hasFindings(2);
        assertThat(platform.verifyIsolation()).linuxWronglyAssigns("fa");
        assertThat(platform.verifyIsolation()).isAsExpected();
    }
}
