package dev.irqtopo.runtime.remap;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.SourceCheck;
import org.junit.jupiter.api.Test;

class RemapEntryTest {

    private static final RequesterId NIC = RequesterId.of(0x03, 0x00, 0);

    @Test
    void x2apicEntriesHoldTheApicIdItselfAndXapicEntriesHoldItShiftedBy8() {
        VtdRemapEntry x2 = VtdRemapEntry.remapped(0x21, 0x123, ApicMode.X2APIC, SourceCheck.FULL, NIC);
        VtdRemapEntry x1 = VtdRemapEntry.remapped(0x21, 0x12, ApicMode.XAPIC, SourceCheck.FULL, NIC);

        assertThat(x2.destination()).isEqualTo(0x123);
        assertThat(x2.destinationApicId()).isEqualTo(0x123);
        assertThat(x1.destination()).isEqualTo(0x1200);
        assertThat(x1.destinationApicId()).isEqualTo(0x12);
    }

    @Test
    void fullSourceCheckIsSvt01WithTheRequesterIdAsSidAndQualifier00() {
        VtdRemapEntry e = VtdRemapEntry.remapped(0x21, 0, ApicMode.X2APIC, SourceCheck.FULL, RequesterId.of(3, 1, 2));

        assertThat(e.svt().svt()).isEqualTo(0b01);
        assertThat(e.sq()).isEqualTo(0);
        // bus 3 in 15:8, device 1 in 7:3, function 2 in 2:0
        assertThat(e.sid()).isEqualTo(0x030A);
        assertThat(e.accepts(RequesterId.of(3, 1, 2))).isTrue();
        assertThat(e.accepts(RequesterId.of(3, 1, 3))).isFalse();
        assertThat(e.accepts(RequesterId.of(1, 3, 1, 2))).isFalse();
        assertThat(e.sourceValidationLabel()).isEqualTo("SVT 01 SID 03:01.2");
    }

    @Test
    void busSourceCheckIsSvt10WithTheBusAsStartAndEnd() {
        VtdRemapEntry e = VtdRemapEntry.remapped(0x21, 0, ApicMode.X2APIC, SourceCheck.BUS, RequesterId.of(3, 0, 1));

        assertThat(e.svt().svt()).isEqualTo(0b10);
        assertThat(e.sid()).isEqualTo(0x0303);
        assertThat(e.accepts(RequesterId.of(3, 0x1f, 7))).isTrue();
        assertThat(e.accepts(RequesterId.of(4, 0, 1))).isFalse();
        assertThat(e.accepts(RequesterId.of(2, 3, 0, 1))).isFalse();
        assertThat(e.sourceValidationLabel()).isEqualTo("SVT 10 bus 03..03");
    }

    @Test
    void noSourceCheckIsSvt00AndAcceptsEveryone() {
        VtdRemapEntry e = VtdRemapEntry.remapped(0x21, 0, ApicMode.X2APIC, SourceCheck.OFF, NIC);

        assertThat(e.svt().svt()).isEqualTo(0b00);
        assertThat(e.accepts(RequesterId.of(7, 0xff, 0x1f, 7))).isTrue();
    }

    @Test
    void postingKeepsTheHostAllocationAndAddsTheTarget() {
        VtdRemapEntry e = VtdRemapEntry.remapped(0x22, 1, ApicMode.X2APIC, SourceCheck.FULL, NIC);
        VtdRemapEntry posted = e.postedTo(new PostedTarget("vm0", 1, 0x21));

        assertThat(posted.vector()).isEqualTo(0x22);
        assertThat(posted.destinationApicId()).isEqualTo(1);
        assertThat(posted.posted()).hasValue(new PostedTarget("vm0", 1, 0x21));
        assertThat(e.posted()).isEmpty();
    }

    @Test
    void entriesValidateAlikeWhenTheyAcceptTheSameRequesters() {
        RequesterId nic = RequesterId.of(3, 0, 0);
        RequesterId sibling = RequesterId.of(3, 0, 1);
        RequesterId otherSegment = RequesterId.of(1, 3, 0, 0);
        VtdRemapEntry full = VtdRemapEntry.remapped(0x21, 0, ApicMode.X2APIC, SourceCheck.FULL, nic);

        assertThat(full.acceptsAlike(VtdRemapEntry.remapped(0x30, 1, ApicMode.XAPIC, SourceCheck.FULL, nic))).isTrue();
        assertThat(full.acceptsAlike(VtdRemapEntry.remapped(0x21, 0, ApicMode.X2APIC, SourceCheck.FULL, sibling))).isFalse();
        assertThat(full.acceptsAlike(VtdRemapEntry.remapped(0x21, 0, ApicMode.X2APIC, SourceCheck.BUS, nic))).isFalse();
        VtdRemapEntry bus = VtdRemapEntry.remapped(0x21, 0, ApicMode.X2APIC, SourceCheck.BUS, nic);
        assertThat(bus.acceptsAlike(VtdRemapEntry.remapped(0x22, 0, ApicMode.X2APIC, SourceCheck.BUS, sibling))).isTrue();
        assertThat(bus.acceptsAlike(VtdRemapEntry.remapped(0x22, 0, ApicMode.X2APIC, SourceCheck.BUS, otherSegment))).isFalse();
        VtdRemapEntry off = VtdRemapEntry.remapped(0x21, 0, ApicMode.X2APIC, SourceCheck.OFF, nic);
        assertThat(off.acceptsAlike(VtdRemapEntry.remapped(0x22, 0, ApicMode.X2APIC, SourceCheck.OFF, otherSegment))).isTrue();
        assertThat(off.acceptsAlike(bus)).isFalse();
    }
}
