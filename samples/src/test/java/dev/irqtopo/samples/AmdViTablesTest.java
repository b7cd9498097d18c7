package dev.irqtopo.samples;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.runtime.AllocatedInterrupt;
import dev.irqtopo.runtime.remap.AmdViRemapEntry;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.isolation.Finding;
import dev.irqtopo.runtime.isolation.FindingClass;
import dev.irqtopo.runtime.isolation.Means;
import dev.irqtopo.runtime.isolation.IsolationReport;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * amdvi-tables: AMD-Vi keeps one table per requester id (512 entries here), and a message names an entry
 * by data bits 10:0 within the table of the requester id it carries (address 0xFEE00000). vf1 (03:00.1)
 * has a table of its own, so vm0 reaches only its entries; adi1 is an assignable interface of dev
 * (04:00.0) and shares dev's table with the host's MSI-X, so vm1 can raise the host's interrupt.
 * Host: 2 CPUs, x2APIC; vm0 and vm1: 1 vCPU each.
 */
class AmdViTablesTest {

    private static final int SPARE_SLOT = AmdViTables.Sizes.ADI1_IMS - 1;

    private final AmdViTables platform = AmdViTables.boot();

    private static Message amdVi(int index) {
        return Message.of(0xFEE0_0000L, index);
    }

    private AmdViRemapEntry entry(RequesterId table, int index) {
        return platform.platform().hardware().amdViEntry("ivhd0", table, index).orElseThrow();
    }

    @Test
    void eachRequesterIdHasItsOwnTable() {
        // dev's table: the host's two MSI-X entries, then vm1's interface takes index 2 of the same table
        assertThat(platform.host().dev().msix().interrupts()).containsExactly(
                new AllocatedInterrupt(0, 24, 0, 0x21, OptionalInt.of(0), amdVi(0)),
                new AllocatedInterrupt(1, 25, 1, 0x21, OptionalInt.of(1), amdVi(1))).inOrder();
        assertThat(platform.vm1().adi1().ims().interrupts()).containsExactly(
                new AllocatedInterrupt(0, 24, 0, 0x21, OptionalInt.of(2), amdVi(2)));
        // vf1's table starts at 0 again
        assertThat(platform.vm0().vf1().ims().interrupts()).containsExactly(
                new AllocatedInterrupt(0, 24, 0, 0x21, OptionalInt.of(0), amdVi(0)),
                new AllocatedInterrupt(1, 25, 0, 0x22, OptionalInt.of(1), amdVi(1))).inOrder();

        RequesterId dev = platform.hardware().dev().requesterId();
        RequesterId vf1 = platform.hardware().vf1().requesterId();
        assertThat(dev.toString()).isEqualTo(AmdViTables.RequesterIds.DEV);
        assertThat(platform.hardware().adi1().requesterId()).isEqualTo(dev);
        assertThat(vf1.toString()).isEqualTo("03:00.1");
        // same index, different tables, different host vectors
        assertThat(entry(dev, 0).remapEnabled()).isTrue();
        assertThat(entry(dev, 0).vector()).isEqualTo(0x21);
        assertThat(entry(vf1, 0).vector()).isEqualTo(0x22);
        assertThat(platform.platform().hardware().amdViEntry("ivhd0", dev, 3)).isEmpty();
    }

    @Test
    void everyInterruptReachesItsOwner() {
        assertThat(platform.hardware().dev().msix().fire(0)).isDeliveredTo("host", 0, 0x21, 24);
        assertThat(platform.hardware().dev().msix().fire(1)).isDeliveredTo("host", 1, 0x21, 25);
        assertThat(platform.hardware().vf1().ims().fire(0)).isDeliveredTo("vm0", 0, 0x21, 24);
        assertThat(platform.hardware().vf1().ims().fire(1)).isDeliveredTo("vm0", 0, 0x22, 25);
        assertThat(platform.hardware().adi1().ims().fire(0)).isDeliveredTo("vm1", 0, 0x21, 24);
    }

    @Test
    void vm0CanOnlyNameEntriesOfItsOwnTable() {
        AmdViTables.WritableBusDomain ims = platform.vm0().vf1().ims();
        AmdViTables.ImsDevice vf1 = platform.hardware().vf1();
        // index 0 is the host's in dev's table, but vf1's writes look in vf1's table
        assertThat(ims.write(SPARE_SLOT, amdVi(0))).isEmpty();
        assertThat(vf1.ims().fire(SPARE_SLOT)).isDeliveredTo("vm0", 0, 0x21, 24);
        // an index with no entry
        assertThat(ims.write(SPARE_SLOT, amdVi(5))).isEmpty();
        assertThat(vf1.ims().fire(SPARE_SLOT)).isFault("IO_PAGE_FAULT");
        // data 512 is message type 010 (SMI) in a table of 512 entries: not remapped, refused
        assertThat(ims.write(SPARE_SLOT, amdVi(512))).isEmpty();
        assertThat(vf1.ims().fire(SPARE_SLOT)).isFault("INVALID_DEVICE_REQUEST");
    }

    @Test
    void vm1RaisesTheHostsInterruptThroughTheSharedTable() {
        AmdViTables.WritableBusDomain ims = platform.vm1().adi1().ims();
        assertThat(ims.write(SPARE_SLOT, amdVi(0))).isEmpty();
        assertThat(platform.hardware().adi1().ims().fire(SPARE_SLOT)).isDeliveredTo("host", 0, 0x21, 24);
        assertThat(ims.write(SPARE_SLOT, amdVi(1))).isEmpty();
        assertThat(platform.hardware().adi1().ims().fire(SPARE_SLOT)).isDeliveredTo("host", 1, 0x21, 25);
    }

    @Test
    void theVerdictIsOneBreachOfTheHostByVm1() {
        IsolationReport report = platform.verifyIsolation();
        assertThat(report).isNotIsolated();
        assertThat(report).hasFindings(1);
        // the lowest interrupt address and index 0, the host's dev MSI-X slot 0
        assertThat(report).hasBreach("vm1", "host", Message.of(0xFEE0_0000L, 0));
        assertThat(report).hasNoBreach("vm0", "host");
        assertThat(report).hasNoBreach("vm0", "vm1");
        assertThat(report).hasNoBreach("vm1", "vm0");
        Finding finding = report.findings().get(0);
        assertThat(finding.device()).isEqualTo("adi1");
        assertThat(finding.means()).isEqualTo(Means.IMS);
        assertThat(finding.findingClass()).isEqualTo(FindingClass.SHARED_REQUESTER_ID);
        assertThat(finding.requesterId().toString()).isEqualTo("04:00.0");
    }

    @Test
    void arbitraryMessagesFromVm0StayInVf1sTable() {
        AmdViTables.WritableBusDomain ims = platform.vm0().vf1().ims();
        ArbitraryWrites.Tally tally = ArbitraryWrites.check(platform.verifyIsolation(), "vm0", "vf1",
                BusDomainKind.IMS, m -> ims.write(SPARE_SLOT, m), () -> platform.hardware().vf1().ims().fire(SPARE_SLOT));
        assertThat(tally.victims()).isEmpty();
        assertThat(tally.count("delivered")).isGreaterThan(0);
        assertThat(tally.count("fault")).isGreaterThan(0);
    }

    @Test
    void arbitraryMessagesFromVm1ThatBreachAreReported() {
        AmdViTables.WritableBusDomain ims = platform.vm1().adi1().ims();
        ArbitraryWrites.Tally tally = ArbitraryWrites.check(platform.verifyIsolation(), "vm1", "adi1",
                BusDomainKind.IMS, m -> ims.write(SPARE_SLOT, m), () -> platform.hardware().adi1().ims().fire(SPARE_SLOT));
        assertThat(tally.hits("host")).isGreaterThan(0);
        assertThat(tally.victims().keySet()).containsExactly("host");
    }

    @Test
    void allocateAndFreeInTheSharedTable() {
        AmdViTables.WritableBusDomain ims = platform.vm1().adi1().ims();
        // the next free index of dev's table is 3
        assertThat(ims.allocate(1).interrupts()).containsExactly(
                new AllocatedInterrupt(1, 25, 0, 0x22, OptionalInt.of(3), amdVi(3)));
        assertThat(platform.hardware().adi1().ims().fire(1)).isDeliveredTo("vm1", 0, 0x22, 25);
        assertThat(ims.free(25)).isEmpty();
        assertThat(platform.platform().hardware().amdViEntry("ivhd0", platform.hardware().dev().requesterId(), 3))
                .isEmpty();
        assertThat(ims.free(25)).hasValue(Errno.ENOENT);
    }
}
