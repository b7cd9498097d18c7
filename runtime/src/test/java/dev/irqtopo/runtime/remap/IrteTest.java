package dev.irqtopo.runtime.remap;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.SourceCheck;
import dev.irqtopo.testing.PropertyRuns;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The 128 bits of a VT-d entry: worked examples, and a round trip through a decoder written here from
 * the specification's bit numbers (bit 0 to 127 of one 128-bit value, not the two words the encoder
 * builds), which must find every field of the entry back, the unmodelled ones at their named values,
 * and every reserved bit clear.
 */
class IrteTest {

    private static final PostedDescriptors DESCRIPTORS = PostedDescriptors.of(List.of("vm0", "vm1", "vm2"));

    /** Each field by its name in the VT-d specification, read from the 128-bit entry by absolute bit numbers. */
    private static Map<String, Long> decode(Irte irte) {
        BigInteger bits = BigInteger.valueOf(irte.high()).and(mask(64)).shiftLeft(64)
                .or(BigInteger.valueOf(irte.low()).and(mask(64)));
        Map<String, Long> fields = new LinkedHashMap<>();
        fields.put("P", field(bits, 0, 0));
        fields.put("FPD", field(bits, 1, 1));
        fields.put("IM", field(bits, 15, 15));
        fields.put("AVAIL", field(bits, 11, 8));
        fields.put("SID", field(bits, 79, 64));
        fields.put("SQ", field(bits, 81, 80));
        fields.put("SVT", field(bits, 83, 82));
        if (fields.get("IM") == 0) {
            fields.put("DM", field(bits, 2, 2));
            fields.put("RH", field(bits, 3, 3));
            fields.put("TM", field(bits, 4, 4));
            fields.put("DLM", field(bits, 7, 5));
            fields.put("V", field(bits, 23, 16));
            fields.put("DST", field(bits, 63, 32));
            fields.put("reserved", field(bits, 14, 12) | field(bits, 31, 24) | field(bits, 127, 84));
        } else {
            fields.put("URG", field(bits, 14, 14));
            fields.put("VV", field(bits, 23, 16));
            fields.put("PDA", field(bits, 127, 96) << 32 | field(bits, 63, 38) << 6);
            fields.put("reserved", field(bits, 7, 2) | field(bits, 13, 12) | field(bits, 37, 24) | field(bits, 95, 84));
        }
        return fields;
    }

    private static long field(BigInteger bits, int high, int low) {
        return bits.shiftRight(low).and(mask(high - low + 1)).longValueExact();
    }

    private static BigInteger mask(int width) {
        return BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    }

    /** What the decoder must find for {@code entry}. */
    private static Map<String, Long> expected(VtdRemapEntry entry) {
        Map<String, Long> fields = new LinkedHashMap<>();
        fields.put("P", entry.present() ? 1L : 0L);
        fields.put("FPD", (long) Irte.FAULT_PROCESSING_DISABLE);
        fields.put("IM", entry.posted().isPresent() ? 1L : 0L);
        fields.put("AVAIL", (long) Irte.AVAILABLE);
        fields.put("SID", (long) entry.sid());
        fields.put("SQ", (long) entry.sq());
        fields.put("SVT", (long) entry.svt().svt());
        if (entry.posted().isEmpty()) {
            fields.put("DM", entry.logical() ? 1L : 0L);
            fields.put("RH", entry.redirectionHint() ? 1L : 0L);
            fields.put("TM", (long) Irte.TRIGGER_MODE);
            fields.put("DLM", (long) Irte.DELIVERY_MODE);
            fields.put("V", (long) entry.vector());
            fields.put("DST", Integer.toUnsignedLong(entry.destination()));
        } else {
            fields.put("URG", (long) Irte.URGENT);
            fields.put("VV", (long) entry.posted().get().vector());
            fields.put("PDA", DESCRIPTORS.address(entry.posted().get()));
        }
        fields.put("reserved", 0L);
        return fields;
    }

    /** The encoder's own accessors, by the same names. */
    private static Map<String, Long> accessors(Irte irte) {
        Map<String, Long> fields = new LinkedHashMap<>();
        fields.put("P", (long) irte.p());
        fields.put("FPD", (long) irte.fpd());
        fields.put("IM", (long) irte.im());
        fields.put("AVAIL", (long) irte.avail());
        fields.put("SID", (long) irte.sid());
        fields.put("SQ", (long) irte.sq());
        fields.put("SVT", (long) irte.svt());
        if (!irte.posted()) {
            fields.put("DM", (long) irte.dm());
            fields.put("RH", (long) irte.rh());
            fields.put("TM", (long) irte.tm());
            fields.put("DLM", (long) irte.dlm());
            fields.put("V", (long) irte.vector());
            fields.put("DST", Integer.toUnsignedLong(irte.dst()));
        } else {
            fields.put("URG", (long) irte.urg());
            fields.put("VV", (long) irte.vector());
            fields.put("PDA", irte.descriptorAddress());
        }
        fields.put("reserved", 0L);
        return fields;
    }

    private static VtdRemapEntry randomEntry(Random random) {
        ApicMode mode = random.nextBoolean() ? ApicMode.X2APIC : ApicMode.XAPIC;
        int apicId = mode == ApicMode.X2APIC ? random.nextInt() >>> random.nextInt(32) : random.nextInt(256);
        RequesterId requester = RequesterId.of(random.nextInt(4), random.nextInt(256), random.nextInt(32), random.nextInt(8));
        SourceCheck check = SourceCheck.values()[random.nextInt(SourceCheck.values().length)];
        VtdRemapEntry entry = VtdRemapEntry.remapped(random.nextInt(256), apicId, random.nextBoolean(), random.nextBoolean(),
                mode, check, requester, random.nextBoolean());
        if (random.nextInt(4) == 0) {
            entry = new VtdRemapEntry(false, entry.vector(), entry.destination(), mode, entry.svt(), random.nextInt(4),
                    entry.sid(), entry.segment(), Optional.empty());
        }
        return random.nextBoolean() ? entry
                : entry.postedTo(new PostedTarget("vm" + random.nextInt(3), random.nextInt(4096), random.nextInt(256)));
    }

    @Test
    void everyFieldComesBackFromTheBitsAndEveryReservedBitIsClear() {
        PropertyRuns.forEachSeed(5_000, random -> {
            VtdRemapEntry entry = randomEntry(random);
            Irte irte = entry.irte(DESCRIPTORS);
            assertWithMessage("%s decoded from %s", entry, irte)
                    .that(decode(irte)).containsExactlyEntriesIn(expected(entry)).inOrder();
            assertWithMessage("the encoder's accessors of %s", entry).that(accessors(irte)).isEqualTo(decode(irte));
        });
    }

    @Test
    void aRemappedEntryWorkedByHand() {
        // x2APIC: vector 0x21 to APIC ID 0x123, SVT 01 for 03:01.2 (SID 0x030a)
        VtdRemapEntry entry = VtdRemapEntry.remapped(0x21, 0x123, ApicMode.X2APIC, SourceCheck.FULL, RequesterId.of(3, 1, 2));
        Irte irte = entry.irte(DESCRIPTORS);
        assertThat(irte.low()).isEqualTo(0x0000_0123_0021_0001L);
        assertThat(irte.high()).isEqualTo(0x0000_0000_0004_030aL);
        assertThat(irte.posted()).isFalse();

        // xAPIC: APIC ID 0x12 sits in DST bits 15:8; SVT 10 for bus 0x05 (SID 0x0505)
        Irte xapic = VtdRemapEntry.remapped(0x40, 0x12, ApicMode.XAPIC, SourceCheck.BUS, RequesterId.of(5, 0, 0))
                .irte(DESCRIPTORS);
        assertThat(xapic.low()).isEqualTo(0x0000_1200_0040_0001L);
        assertThat(xapic.high()).isEqualTo(0x0000_0000_0008_0505L);
    }

    @Test
    void linuxSixOneFlatLogicalEntryHasTheBitsABootOfItLeftInTheTable() {
        // docs/observations/linux-6.1-q35-vtd-xapic-smp4/irte.txt, index 16: virtio-net's first MSI-X vector,
        // vector 0x22 to CPU 3 in flat logical mode (1 << 3), DM and RH set, SVT 01 for 00:01.0
        VtdRemapEntry entry = VtdRemapEntry.remapped(0x22, 1 << 3, true, true, ApicMode.XAPIC, SourceCheck.FULL,
                RequesterId.of(0, 1, 0), false);
        Irte irte = Irte.of(entry, DESCRIPTORS);
        assertThat(irte.high()).isEqualTo(0x0000000000040008L);
        assertThat(irte.low()).isEqualTo(0x000008000022000dL);
    }

    @Test
    void aPostedEntryWorkedByHand() {
        // vm1's array starts at 4 GiB + 256 KiB; vCPU 3's descriptor is 0x1_0004_00c0
        VtdRemapEntry entry = VtdRemapEntry.remapped(0x22, 1, ApicMode.X2APIC, SourceCheck.FULL, RequesterId.of(3, 0, 1))
                .postedTo(new PostedTarget("vm1", 3, 0x31));
        assertThat(DESCRIPTORS.address(entry.posted().get())).isEqualTo(0x1_0004_00c0L);
        Irte irte = entry.irte(DESCRIPTORS);
        // PDAL = 0x000400c0 >> 6 = 0x1003 in bits 63:38; VV 0x31 in 23:16; IM; P
        assertThat(irte.low()).isEqualTo(0x0004_00c0_0031_8001L);
        // PDAH = 1 in bits 127:96; SVT 01 in 83:82, SID 0x0301
        assertThat(irte.high()).isEqualTo(0x0000_0001_0004_0301L);
        assertThat(irte.posted()).isTrue();
        assertThat(irte.descriptorAddress()).isEqualTo(0x1_0004_00c0L);
        assertThat(irte.pdaLow()).isEqualTo(0x1003);
        assertThat(irte.pdaHigh()).isEqualTo(1);
    }
}
