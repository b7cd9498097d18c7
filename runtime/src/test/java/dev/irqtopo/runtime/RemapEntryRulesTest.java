package dev.irqtopo.runtime;

import dev.irqtopo.runtime.remap.PostedTarget;
import dev.irqtopo.runtime.remap.SourceValidation;
import dev.irqtopo.runtime.remap.VtdRemapEntry;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.SourceCheck;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fields a VT-d entry and a posted target hold, at the edges of their widths, and the entry's label. */
class RemapEntryRulesTest {

    private static VtdRemapEntry entry(int vector, int sq, int sid, int segment) {
        return new VtdRemapEntry(true, vector, 0, ApicMode.X2APIC, SourceValidation.REQUESTER_ID, sq, sid, segment,
                Optional.empty());
    }

    @Test
    void anEntryHoldsAByteVectorASixteenBitSourceIdAndSegmentAndATwoBitQualifier() {
        assertThat(entry(0xFF, 3, 0xFFFF, 0xFFFF).vector()).isEqualTo(0xFF);
        assertThat(entry(0, 0, 0, 0).sid()).isEqualTo(0);
        assertThrows(IllegalArgumentException.class, () -> entry(0x100, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> entry(-1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> entry(0x21, 4, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> entry(0x21, -1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> entry(0x21, 0, 0x10000, 0));
        assertThrows(IllegalArgumentException.class, () -> entry(0x21, 0, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> entry(0x21, 0, 0, 0x10000));
        assertThrows(IllegalArgumentException.class, () -> entry(0x21, 0, 0, -1));
    }

    @Test
    void aPostedTargetHasAVcpuAndAByteVector() {
        assertThat(new PostedTarget("vm0", 0, 0xFF).vector()).isEqualTo(0xFF);
        assertThat(new PostedTarget("vm0", 0, 0).vcpu()).isEqualTo(0);
        assertThrows(IllegalArgumentException.class, () -> new PostedTarget("vm0", -1, 0x21));
        assertThrows(IllegalArgumentException.class, () -> new PostedTarget("vm0", 0, 0x100));
        assertThrows(IllegalArgumentException.class, () -> new PostedTarget("vm0", 0, -1));
    }

    @Test
    void aBusRangeOutsideSegmentZeroNamesItsSegment() {
        RequesterId alias = RequesterId.parse("0002:05:00.0");
        VtdRemapEntry bridged = VtdRemapEntry.remapped(0x21, 1, ApicMode.X2APIC, SourceCheck.FULL, alias, true);
        assertThat(bridged.sourceValidationLabel()).isEqualTo("SVT 10 bus 0002:05..05");
        assertThat(bridged.accepts(RequesterId.parse("0002:05:01.0"))).isTrue();
        assertThat(bridged.accepts(RequesterId.parse("05:01.0"))).isFalse();
        assertThat(VtdRemapEntry.remapped(0x21, 1, ApicMode.X2APIC, SourceCheck.OFF, alias).sourceValidationLabel())
                .isEqualTo("SVT 00");
    }
}
