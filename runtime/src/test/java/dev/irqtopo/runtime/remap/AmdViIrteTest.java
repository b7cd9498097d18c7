package dev.irqtopo.runtime.remap;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.irqtopo.testing.PropertyRuns;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The 32 bits of an AMD-Vi entry in the basic format: a worked example, and a round trip through a
 * decoder written here from the AMD IOMMU specification's bit numbers.
 */
class AmdViIrteTest {

    private static Map<String, Integer> decode(int raw) {
        long bits = Integer.toUnsignedLong(raw);
        Map<String, Integer> fields = new LinkedHashMap<>();
        fields.put("RemapEn", field(bits, 0, 0));
        fields.put("SupIOPF", field(bits, 1, 1));
        fields.put("IntType", field(bits, 4, 2));
        fields.put("RqEoi", field(bits, 5, 5));
        fields.put("DM", field(bits, 6, 6));
        fields.put("GuestMode", field(bits, 7, 7));
        fields.put("Destination", field(bits, 15, 8));
        fields.put("Vector", field(bits, 23, 16));
        fields.put("reserved", field(bits, 31, 24));
        return fields;
    }

    private static int field(long bits, int high, int low) {
        return (int) (bits >>> low & (1L << high - low + 1) - 1);
    }

    private static Map<String, Integer> expected(AmdViRemapEntry entry) {
        Map<String, Integer> fields = new LinkedHashMap<>();
        fields.put("RemapEn", entry.remapEnabled() ? 1 : 0);
        fields.put("SupIOPF", AmdViIrte.SUPPRESS_IO_PAGE_FAULT);
        fields.put("IntType", AmdViIrte.INTERRUPT_TYPE);
        fields.put("RqEoi", AmdViIrte.REQUEST_EOI);
        fields.put("DM", entry.logical() ? 1 : 0);
        fields.put("GuestMode", AmdViIrte.GUEST_MODE);
        fields.put("Destination", entry.destination());
        fields.put("Vector", entry.vector());
        fields.put("reserved", 0);
        return fields;
    }

    private static Map<String, Integer> accessors(AmdViIrte irte) {
        Map<String, Integer> fields = new LinkedHashMap<>();
        fields.put("RemapEn", irte.remapEn());
        fields.put("SupIOPF", irte.supIopf());
        fields.put("IntType", irte.intType());
        fields.put("RqEoi", irte.rqEoi());
        fields.put("DM", irte.dm());
        fields.put("GuestMode", irte.guestMode());
        fields.put("Destination", irte.destination());
        fields.put("Vector", irte.vector());
        fields.put("reserved", 0);
        return fields;
    }

    @Test
    void everyFieldComesBackFromTheBitsAndTheReservedByteIsClear() {
        PropertyRuns.forEachSeed(2_000, random -> {
            AmdViRemapEntry entry = new AmdViRemapEntry(random.nextBoolean(), random.nextInt(256), random.nextInt(256));
            int raw = entry.raw();
            assertWithMessage("%s decoded from %s", entry, Integer.toHexString(raw)).that(decode(raw))
                    .containsExactlyEntriesIn(expected(entry)).inOrder();
            assertThat(accessors(new AmdViIrte(raw))).isEqualTo(decode(raw));
        });
    }

    @Test
    void anEntryWorkedByHand() {
        // remap-enabled, vector 0x21 to APIC ID 0x03: Vector in 23:16, Destination in 15:8, RemapEn
        assertThat(AmdViRemapEntry.enabled(0x21, 3).raw()).isEqualTo(0x0021_0301);
        assertThat(new AmdViRemapEntry(false, 0xEB, 0xFF).raw()).isEqualTo(0x00EB_FF00);
    }

    @Test
    void aDestinationAbove0xffHasNoBasicFormat() {
        AmdViRemapEntry high = AmdViRemapEntry.enabled(0x21, 0x100);
        assertThat(AmdViIrte.fits(high)).isFalse();
        assertThat(AmdViIrte.fits(AmdViRemapEntry.enabled(0x21, 0xFF))).isTrue();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, high::raw);
        assertThat(e).hasMessageThat().contains("0x100");
    }
}
