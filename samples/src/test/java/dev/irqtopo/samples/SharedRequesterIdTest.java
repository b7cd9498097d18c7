package dev.irqtopo.samples;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.runtime.AllocatedInterrupt;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.isolation.Finding;
import dev.irqtopo.runtime.isolation.FindingClass;
import dev.irqtopo.runtime.isolation.Means;
import dev.irqtopo.runtime.isolation.IsolationReport;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * shared-requester-id: adi1 and adi2 are assignable interfaces of dev (03:00.0), told apart only by
 * PASID, which interrupt remapping ignores; vm0 has adi1, vm1 adi2, both with IMS in queue memory
 * composed by hypercall, and the host keeps dev's own MSI-X. Source validation sees one requester id on
 * every entry, so a guest that writes its own message into queue memory can name the host's entry or
 * the other guest's: a breach, whose counterexamples are exact. Host: 4 CPUs, x2APIC.
 */
class SharedRequesterIdTest {

    /** An IMS slot boot leaves unused on either interface. */
    private static final int SPARE_SLOT = 31;

    private final SharedRequesterId platform = SharedRequesterId.boot();

    private static Message remappable(int handle) {
        return Message.of(0xFEE0_0000L | (long) handle << 5 | 0x18, 0);
    }

    @Test
    void theInterfacesCarryTheirParentsRequesterId() {
        assertThat(SharedRequesterId.RequesterIds.DEV).isEqualTo("03:00.0");
        assertThat(SharedRequesterId.RequesterIds.ADI1).isEqualTo("03:00.0");
        assertThat(SharedRequesterId.RequesterIds.ADI2).isEqualTo("03:00.0");
        assertThat(platform.hardware().adi1().requesterId()).isEqualTo(platform.hardware().dev().requesterId());
        assertThat(platform.hardware().adi2().requesterId()).isEqualTo(platform.hardware().dev().requesterId());
    }

    @Test
    void eachKernelGetsItsOwnEntry() {
        // host entry 0 on CPU 0; each hypercall allocates the next host CPU and entry
        assertThat(platform.host().dev().msix().interrupts()).containsExactly(
                new AllocatedInterrupt(0, 24, 0, 0x21, OptionalInt.of(0), remappable(0)));
        assertThat(platform.vm0().adi1().ims().interrupts()).containsExactly(
                new AllocatedInterrupt(0, 24, 0, 0x21, OptionalInt.of(1), remappable(1)));
        assertThat(platform.vm1().adi2().ims().interrupts()).containsExactly(
                new AllocatedInterrupt(0, 24, 0, 0x21, OptionalInt.of(2), remappable(2)));
        assertThat(platform.hardware().dev().msix().fire(0)).isDeliveredTo("host", 0, 0x21, 24);
        assertThat(platform.hardware().adi1().ims().fire(0)).isDeliveredTo("vm0", 0, 0x21, 24);
        assertThat(platform.hardware().adi2().ims().fire(0)).isDeliveredTo("vm1", 0, 0x21, 24);
        // every entry is validated against the same SID
        for (int entry = 0; entry < 3; entry++) {
            assertThat(platform.platform().hardware().vtdEntry("dmar0", entry).orElseThrow().sourceValidationLabel())
                    .isEqualTo("SVT 01 SID 03:00.0");
        }
    }

    @Test
    void vm0RaisesTheHostsInterruptAndVm1s() {
        SharedRequesterId.WritableBusDomain ims = platform.vm0().adi1().ims();
        SharedRequesterId.ImsDevice adi1 = platform.hardware().adi1();
        // the host's message, copied: handle 0, entry 0, dev's MSI-X slot 0
        assertThat(ims.write(SPARE_SLOT, remappable(0))).isEmpty();
        assertThat(adi1.ims().fire(SPARE_SLOT)).isDeliveredTo("host", 0, 0x21, 24);
        // what vm1's slot holds, copied into vm0's queue memory
        Message vm1s = platform.hardware().adi2().ims().read(0).orElseThrow();
        assertThat(ims.write(SPARE_SLOT, vm1s)).isEmpty();
        assertThat(adi1.ims().fire(SPARE_SLOT)).isDeliveredTo("vm1", 0, 0x21, 24);
        // source validation cannot tell the interfaces apart: vm1's entry accepts adi1's write
        assertThat(adi1.trace(vm1s).steps()).contains("entry 2: SVT 01 SID 03:00.0 matches 03:00.0");
    }

    @Test
    void theBreachHasExactlyFourFindingsWithTheLowestMessages() {
        IsolationReport report = platform.verifyIsolation();
        assertThat(report).isNotIsolated();
        assertThat(report).hasFindings(4);
        // lowest message reaching entry 0: remappable (bit 4), no sub-handle, handle 0, any data: the least is 0
        assertThat(report).hasBreach("vm0", "host", Message.of(0xFEE0_0010L, 0));
        assertThat(report).hasBreach("vm1", "host", Message.of(0xFEE0_0010L, 0));
        // entry 2 (vm1's): handle 2 without sub-handle is 0xFEE00050, but handle 0 with sub-handle 2 is
        // 0xFEE00018 / 2, lower; nothing below 0xFEE00018 with bit 4 set can add a sub-handle
        assertThat(report).hasBreach("vm0", "vm1", Message.of(0xFEE0_0018L, 2));
        assertThat(report).hasBreach("vm1", "vm0", Message.of(0xFEE0_0018L, 1));

        // ordered by guest, then victim: the host first
        assertThat(report.findings().stream().map(f -> f.guest() + " -> " + f.victim()).toList())
                .containsExactly("vm0 -> host", "vm0 -> vm1", "vm1 -> host", "vm1 -> vm0").inOrder();
        Finding first = report.findings().get(0);
        assertThat(first.device()).isEqualTo("adi1");
        assertThat(first.means()).isEqualTo(Means.IMS);
        assertThat(first.findingClass()).isEqualTo(FindingClass.SHARED_REQUESTER_ID);
        assertThat(first.requesterId().toString()).isEqualTo("03:00.0");
        assertThat(first.path()).isNotEmpty();
        assertThat(report.findings().get(3).device()).isEqualTo("adi2");
    }

    @Test
    void eachCounterexampleDoesWhatItSays() {
        for (Finding finding : platform.verifyIsolation().findings()) {
            SharedRequesterId fresh = SharedRequesterId.boot();
            SharedRequesterId.WritableBusDomain ims = finding.guest().equals("vm0")
                    ? fresh.vm0().adi1().ims() : fresh.vm1().adi2().ims();
            SharedRequesterId.ImsDevice device = finding.guest().equals("vm0")
                    ? fresh.hardware().adi1() : fresh.hardware().adi2();
            assertThat(ims.write(SPARE_SLOT, finding.message())).isEmpty();
            assertThat(ArbitraryWrites.victim(finding.guest(), device.ims().fire(SPARE_SLOT)))
                    .hasValue(finding.victim());
        }
    }

    @Test
    void everyArbitraryMessageThatBreachesIsCoveredByTheReport() {
        IsolationReport report = platform.verifyIsolation();
        SharedRequesterId.WritableBusDomain ims = platform.vm0().adi1().ims();
        ArbitraryWrites.Tally tally = ArbitraryWrites.check(report, "vm0", "adi1", BusDomainKind.IMS,
                m -> ims.write(SPARE_SLOT, m), () -> platform.hardware().adi1().ims().fire(SPARE_SLOT));
        assertThat(tally.hits("host")).isGreaterThan(0);
        assertThat(tally.hits("vm1")).isGreaterThan(0);
        assertThat(tally.count("fault")).isGreaterThan(0);
    }
}
