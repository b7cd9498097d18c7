package dev.irqtopo.samples;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.runtime.arm64.isolation.Arm64FindingClass;
import dev.irqtopo.runtime.message.Message;
import org.junit.jupiter.api.Test;

/**
 * v2m-assigned (arm64): the only MSI controller is a GICv2m frame (SPIs 80‥95). The host's NIC gets SPIs
 * 80 and 81; vm0's trapped vectors are backed by 82 and 83. The frame reads no DeviceID: vm0's function
 * writes data 80 to the frame's page (mapped in its MSI window) and raises the host's SPI.
 */
class V2mAssignedTest {

    private final ArmV2m platform = ArmV2m.boot();

    @Test
    void bootAllocatesSpisLowestFirst() {
        assertThat(platform.host().nicMsix().interrupts().stream().map(v -> v.intid()).toList())
                .containsExactly(80, 81).inOrder();
        assertThat(platform.vm0().vfMsix().backing(0).orElseThrow().host().intid()).isEqualTo(82);
    }

    @Test
    void firingDeliversTheSpiToCpu0() {
        assertThat(platform.hardware().nic().msix().fire(0)).isDeliveredTo("host", 0, 80);
        assertThat(platform.hardware().vf().msix().fire(1)).isDeliveredTo("vm0", 1, 8193);
    }

    @Test
    void vfsDmaRaisesTheHostsSpi() {
        assertThat(platform.hardware().vf().emit(Message.of(0x0800_0040L, 80))).isDeliveredTo("host", 0, 80);
    }

    @Test
    void theVerdictIsABreachLinuxRefusesToo() {
        assertThat(platform.verifyIsolation()).isNotIsolated();
        assertThat(platform.verifyIsolation()).hasFinding("vm0", "host", Arm64FindingClass.NO_DEVICE_IDENTITY);
        assertThat(platform.verifyIsolation()).isAsExpected();
    }
}
