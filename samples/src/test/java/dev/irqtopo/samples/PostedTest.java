package dev.irqtopo.samples;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.runtime.AllocatedInterrupt;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.remap.PostedTarget;
import dev.irqtopo.runtime.remap.VtdRemapEntry;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * posted: VT-d with posted interrupts. vm0's MSI-X for vf (03:00.1) is trapped and translated as usual,
 * and the host's entry for each store is then switched to posted mode: it targets vm0's vCPU and guest
 * vector directly. The host vector it was allocated with stays allocated, unused while posting is
 * active. The host's own nvme entry stays remapped. Host: 2 CPUs, x2APIC; vm0: 2 vCPUs.
 */
class PostedTest {

    private final Posted platform = Posted.boot();

    private static Message compatibility(int apicId, int vector) {
        return Message.of(0xFEE0_0000L | (long) apicId << 12, vector);
    }

    private static Message remappable(int handle) {
        return Message.of(0xFEE0_0000L | (long) handle << 5 | 0x18, 0);
    }

    private VtdRemapEntry entry(int index) {
        return platform.platform().hardware().vtdEntry("dmar0", index).orElseThrow();
    }

    @Test
    void theGuestsEntriesPostToItsVcpus() {
        assertThat(platform.vm0().vf().msix().interrupts()).containsExactly(
                new AllocatedInterrupt(0, 24, 0, 0x21, OptionalInt.of(1), compatibility(0, 0x21)),
                new AllocatedInterrupt(1, 25, 1, 0x21, OptionalInt.of(2), compatibility(1, 0x21))).inOrder();
        assertThat(platform.hardware().vf().msix().read(0)).hasValue(remappable(1));
        assertThat(platform.hardware().vf().msix().read(1)).hasValue(remappable(2));
        assertThat(entry(1).posted()).hasValue(new PostedTarget("vm0", 0, 0x21));
        assertThat(entry(2).posted()).hasValue(new PostedTarget("vm0", 1, 0x21));
        // the host's own interrupt is not posted
        assertThat(entry(0).posted()).isEmpty();
    }

    @Test
    void theHostVectorsStayAllocated() {
        // host CPU 0 holds nvme's 0x21; the guest's two interrupts took CPU 1 at 0x21, then CPU 0 at 0x22
        assertThat(entry(1).destinationApicId()).isEqualTo(1);
        assertThat(entry(1).vector()).isEqualTo(0x21);
        assertThat(entry(2).destinationApicId()).isEqualTo(0);
        assertThat(entry(2).vector()).isEqualTo(0x22);
        assertThat(platform.host().kernel().interrupts().stream()
                .map(i -> "virq " + i.virq() + " cpu " + i.cpu() + String.format(" vector 0x%x", i.vector())).toList())
                .containsExactly("virq 24 cpu 0 vector 0x21", "virq 25 cpu 1 vector 0x21", "virq 26 cpu 0 vector 0x22")
                .inOrder();
    }

    @Test
    void firingDeliversStraightToTheGuest() {
        assertThat(platform.hardware().nvme().msix().fire(0)).isDeliveredTo("host", 0, 0x21, 24);
        assertThat(platform.hardware().vf().msix().fire(0)).isDeliveredTo("vm0", 0, 0x21, 24);
        assertThat(platform.hardware().vf().msix().fire(1)).isDeliveredTo("vm0", 1, 0x21, 25);
        assertThat(platform.hardware().vf().trace(remappable(1)).steps().toString()).contains("posted");
    }

    @Test
    void freeingUndoesThePostedEntryAndANewOnePostsAgain() {
        Posted.BusDomain msix = platform.vm0().vf().msix();
        assertThat(msix.free(24)).isEmpty();
        assertThat(platform.platform().hardware().vtdEntry("dmar0", 1)).isEmpty();
        assertThat(platform.hardware().vf().msix().fire(0)).isNotSent();
        assertThat(platform.host().kernel().interrupts()).hasSize(2);

        // slot 0, vCPU 0 again; on the host CPU 1 (one vector taken against two) and the free entry 1
        assertThat(msix.allocate(1).interrupts()).containsExactly(
                new AllocatedInterrupt(0, 24, 0, 0x21, OptionalInt.of(1), compatibility(0, 0x21)));
        assertThat(entry(1).posted()).hasValue(new PostedTarget("vm0", 0, 0x21));
        assertThat(platform.hardware().vf().msix().fire(0)).isDeliveredTo("vm0", 0, 0x21, 24);
    }

    @Test
    void theTrappedTableTakesNoRawWrite() {
        assertThat(platform.vm0().kernel().write("vf", BusDomainKind.MSIX, 3, remappable(0))).hasValue(Errno.EPERM);
        assertThat(platform.verifyIsolation()).isIsolated();
    }
}
