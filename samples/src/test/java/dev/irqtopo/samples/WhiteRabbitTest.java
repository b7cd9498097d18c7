package dev.irqtopo.samples;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.model.ExpectedVerdict;
import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.isolation.Assignment;
import dev.irqtopo.runtime.isolation.Finding;
import dev.irqtopo.runtime.isolation.FindingClass;
import dev.irqtopo.runtime.isolation.IsolationReport;
import dev.irqtopo.runtime.isolation.Means;
import dev.irqtopo.runtime.message.DeliveryMode;
import dev.irqtopo.runtime.message.Message;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * white-rabbit: a virtual function (03:00.1) passed to vm0 on a host whose VT-d unit has interrupt
 * remapping off. The hypervisor traps the MSI-X table, so vm0's own interrupts work; but vm0 drives the
 * function's DMA, and every write it makes into the interrupt range goes straight to the host's CPUs.
 * Host: 4 CPUs, xAPIC, pf's two interrupts on CPUs 0 and 1 at vector 0x21.
 */
class WhiteRabbitTest {

    private final WhiteRabbit platform = WhiteRabbit.boot();

    @Test
    void trappingTheStorageMakesTheGuestsOwnInterruptsWork() {
        // vm0 composed vCPU 0 / vector 0x21; the hypervisor put a host vector's message in the real table
        assertThat(platform.vm0().vf().msix().interrupts().get(0).composed()).isEqualTo(Message.of(0xFEE0_0000L, 0x21));
        assertThat(platform.hardware().vf().msix().fire(0)).isDeliveredTo("vm0", 0, 0x21, 24);
        assertThat(platform.hardware().vf().msix().fire(1)).isDeliveredTo("vm0", 1, 0x21, 25);
        // and a raw store into the trapped table is not vm0's to make: the generated class offers none
    }

    @Test
    void theFunctionsDmaReachesAnyHostVectorAndEverySpecialDeliveryMode() {
        WhiteRabbit.MsixDevice vf = platform.hardware().vf();

        // pf's interrupt on host CPU 1 runs, though vf is vm0's
        assertThat(vf.emit(Message.of(0xFEE0_1000L, 0x21))).isDeliveredTo("host", 1, 0x21, 25);
        // NMI (data bits 10:8 = 100) to CPU 0, INIT to CPU 2, SMI to every CPU
        assertThat(vf.emit(Message.of(0xFEE0_0000L, 0x400))).isEqualTo(new Delivery.Special(0, DeliveryMode.NMI));
        assertThat(vf.emit(Message.of(0xFEE0_2000L, 0x500))).hasDeliveryMode("init");
        assertThat(vf.emit(Message.of(0xFEEF_F000L, 0x200))).isBroadcast();
        assertThat(vf.emit(Message.of(0xFEEF_F000L, 0x21))).isEqualTo(
                new Delivery.Broadcast(OptionalInt.of(0x21), DeliveryMode.FIXED));
        // an exception vector on a host CPU
        assertThat(vf.emit(Message.of(0xFEE0_3000L, 0x0E))).isSpuriousOn(3, 0x0E);
        // below the interrupt range it is a plain memory write, which DMA remapping would police
        assertThat(vf.emit(Message.of(0xFEDF_F000L, 0x21))).isMemoryWrite();
    }

    @Test
    void theVerdictIsABreachThroughDmaAsThePlatformExpects() {
        IsolationReport report = platform.verifyIsolation();

        assertThat(WhiteRabbit.EXPECTED_VERDICT).isEqualTo(ExpectedVerdict.BREACH);
        assertThat(report).isNotIsolated();
        assertThat(report).isAsExpected();
        assertThat(report.findings()).hasSize(1);
        Finding finding = report.findings().get(0);
        assertThat(finding.means()).isEqualTo(Means.DMA);
        assertThat(finding.victim()).isEqualTo("host");
        assertThat(finding.findingClass()).isEqualTo(FindingClass.NO_REMAPPING);
        assertThat(finding.special()).containsExactlyElementsIn(DeliveryMode.SPECIAL).inOrder();
        // the lowest of all: vector 0 on CPU 0, an illegal vector whose error interrupt is the host's
        assertThat(finding.message()).isEqualTo(Message.of(0xFEE0_0000L, 0));
        assertThat(finding.requesterId().toString()).isEqualTo("03:00.1");
    }

    @Test
    void linuxRefusesTheAssignmentForWantOfIsolatedMsi() {
        Assignment vf = platform.verifyIsolation().assignments().get(0);

        assertThat(vf.device()).isEqualTo("vf");
        assertThat(vf.linuxIsolatedMsi()).isFalse();
        assertThat(vf.remappingUnit()).isEmpty();
        assertThat(vf.vfioGroupViable()).isTrue();
        assertThat(vf.isolated()).isFalse();
        assertThat(vf.linuxWronglyAssigns()).isFalse();
    }
}
