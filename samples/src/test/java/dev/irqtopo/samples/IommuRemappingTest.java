package dev.irqtopo.samples;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.runtime.AllocatedInterrupt;
import dev.irqtopo.runtime.Allocation;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.remap.SourceValidation;
import dev.irqtopo.runtime.remap.VtdRemapEntry;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * iommu-remapping: the host's stacks go through VT-d's remap domain (256 entries, source check full,
 * compatibility format blocked). Each interrupt gets a table entry; the remap domain composes the
 * remappable format that names it (0xFEE00000 | handle << 5 | remappable 0x10 | sub-handle valid 0x8,
 * data = sub-handle); multi-message MSI takes one aligned block of entries.
 */
class IommuRemappingTest {

    private final IommuRemapping platform = IommuRemapping.boot();

    /** The remappable message with a valid sub-handle, laid out as the spec says (handles below 0x8000). */
    private static Message remappable(int handle, int subHandle) {
        return Message.of(0xFEE0_0000L | (long) handle << 5 | 0x10 | 0x08, subHandle);
    }

    private VtdRemapEntry entry(int index) {
        return platform.platform().hardware().vtdEntry("dmar0", index).orElseThrow();
    }

    @Test
    void msixTakesOneEntryPerInterrupt() {
        assertThat(platform.host().nic().msix().interrupts()).containsExactly(
                new AllocatedInterrupt(0, 24, 0, 0x21, OptionalInt.of(0), remappable(0, 0)),
                new AllocatedInterrupt(1, 25, 1, 0x21, OptionalInt.of(1), remappable(1, 0))).inOrder();
        Message first = platform.host().nic().msix().interrupts().get(0).composed();
        assertThat(first).isRemappable();
        assertThat(first).hasAddress(0xFEE0_0018L);
        assertThat(first).hasHandle(0);
        assertThat(first).hasSubHandle(0);
        assertThat(platform.platform().hardware().vtdEntry("dmar0", 1).orElseThrow().vector()).isEqualTo(0x21);
    }

    @Test
    void multiMessageMsiTakesItsVectorsThenOneAlignedBlock() {
        // vectors first, one by one: CPU 0 and 1 tie at one vector taken each, so 0x22 on both, then 0x23;
        // then four entries aligned to four: 0 and 1 are taken, so the block is 4..7 and every message
        // names handle 4 with its message number as sub-handle
        assertThat(platform.host().ahci().msi().interrupts()).containsExactly(
                new AllocatedInterrupt(0, 26, 0, 0x22, OptionalInt.of(4), remappable(4, 0)),
                new AllocatedInterrupt(1, 27, 1, 0x22, OptionalInt.of(5), remappable(4, 1)),
                new AllocatedInterrupt(2, 28, 0, 0x23, OptionalInt.of(6), remappable(4, 2)),
                new AllocatedInterrupt(3, 29, 1, 0x23, OptionalInt.of(7), remappable(4, 3))).inOrder();
        IommuRemapping.MsiDevice ahci = platform.hardware().ahci();
        for (AllocatedInterrupt irq : platform.host().ahci().msi().interrupts()) {
            // one address/data in the capability; the device puts the message number into data
            assertThat(ahci.msi().read(irq.slot())).hasValue(Message.of(0xFEE0_0098L, irq.slot()));
            assertThat(ahci.msi().fire(irq.slot())).isDeliveredTo("host", irq.cpu(), irq.vector(), irq.virq());
        }
        assertThat(platform.platform().hardware().vtdEntry("dmar0", 2)).isEmpty();
        assertThat(platform.platform().hardware().vtdEntry("dmar0", 3)).isEmpty();
    }

    @Test
    void entriesAreBoundToTheRequesterIdOfTheirDevice() {
        // x2APIC: the destination field holds the APIC ID itself; SID = bus << 8 | device << 3 | function
        VtdRemapEntry ahciFirst = entry(4);
        assertThat(ahciFirst.present()).isTrue();
        assertThat(ahciFirst.vector()).isEqualTo(0x22);
        assertThat(ahciFirst.destinationApicId()).isEqualTo(0);
        assertThat(entry(5).destinationApicId()).isEqualTo(1);
        assertThat(ahciFirst.svt()).isEqualTo(SourceValidation.REQUESTER_ID);
        assertThat(ahciFirst.sid()).isEqualTo(0x1f << 3 | 2);
        assertThat(ahciFirst.sourceValidationLabel()).isEqualTo("SVT 01 SID 00:1f.2");
        assertThat(entry(0).sourceValidationLabel()).isEqualTo("SVT 01 SID " + IommuRemapping.RequesterIds.NIC);
    }

    @Test
    void theRemappingUnitBlocksWhatNoEntryAllows() {
        IommuRemapping.MsixDevice nic = platform.hardware().nic();
        IommuRemapping.MsiDevice ahci = platform.hardware().ahci();
        // index = handle + sub-handle: handle 0 with sub-handle 5 selects ahci's entry 5
        assertThat(ahci.emit(remappable(0, 5))).isDeliveredTo("host", 1, 0x22, 27);
        // ... which is bound to ahci's requester id, not nic's
        assertThat(nic.emit(remappable(0, 5))).isFault("0x26");
        assertThat(nic.emit(remappable(4, 0))).isFault("0x26");
        // entry 2 is not present
        assertThat(nic.emit(remappable(2, 0))).isFault("0x22");
        // handle 256 is beyond the 256-entry table
        assertThat(nic.emit(remappable(256, 0))).isFault("0x21");
        assertThat(remappable(256, 0)).hasAddress(0xFEE0_2018L);
        // sub-handle valid with data bits 31:16 set
        assertThat(nic.emit(Message.of(0xFEE0_0018L, 0x1_0000))).isFault("0x20");
        // compatibility format, blocked
        assertThat(nic.emit(Message.of(0xFEE0_0000L, 0x21))).isFault("0x25");
        // without a valid sub-handle the handle alone is the index, and data is ignored
        assertThat(nic.emit(Message.of(0xFEE0_0030L, 0xFFFF_FFFF))).isDeliveredTo("host", 1, 0x21, 25);
        assertThat(nic.emit(Message.of(0xFED0_0000L, 0))).isMemoryWrite();
    }

    @Test
    void freeingAnMsiBlockFreesItWholeAndTheNextBlockIsTheLowestThatFits() {
        IommuRemapping.BusDomain msi = platform.host().ahci().msi();
        assertThat(msi.free(27)).isEmpty();
        assertThat(msi.interrupts()).isEmpty();
        for (int slot = 0; slot < IommuRemapping.Sizes.AHCI_MSI; slot++) {
            assertThat(platform.hardware().ahci().msi().fire(slot)).isNotSent();
        }
        for (int index = 4; index < 8; index++) {
            assertThat(platform.platform().hardware().vtdEntry("dmar0", index)).isEmpty();
        }

        assertThat(msi.allocate(8)).failedWith(Errno.ENOSPC);
        // three messages enable four: entries 4..7, the fourth not present, so message 3 faults
        Allocation three = msi.allocate(3);
        assertThat(three.interrupts().stream().map(i -> i.remapIndex().getAsInt()).toList()).containsExactly(4, 5, 6).inOrder();
        assertThat(platform.hardware().ahci().msi().fire(3)).isFault("0x22");
        assertThat(msi.free(three.interrupts().get(0).virq())).isEmpty();
        Allocation two = msi.allocate(2);
        // entries 0 and 1 are nic's: a block of two aligned to two starts at 2
        assertThat(two.interrupts()).containsExactly(
                new AllocatedInterrupt(0, 26, 0, 0x22, OptionalInt.of(2), remappable(2, 0)),
                new AllocatedInterrupt(1, 27, 1, 0x22, OptionalInt.of(3), remappable(2, 1))).inOrder();
        assertThat(platform.hardware().ahci().msi().fire(1)).isDeliveredTo("host", 1, 0x22, 27);
        // two messages enabled: the other two send nothing
        assertThat(platform.hardware().ahci().msi().fire(2)).isNotSent();
        assertThat(platform.hardware().ahci().msi().read(2)).isEqualTo(Optional.empty());
    }

    @Test
    void isIsolated() {
        assertThat(platform.verifyIsolation()).isIsolated();
    }
}
