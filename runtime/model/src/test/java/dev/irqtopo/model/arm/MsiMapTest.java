package dev.irqtopo.model.arm;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code of_map_id} row by row, with values worked out by hand. */
class MsiMapTest {

    @Test
    void aRowTranslatesItsRangeByOffset() {
        MsiMap map = MsiMap.of(MsiMapEntry.of(0x0000, "its0", 0x10000, 0x100));
        // 00:1f.1 = 0xf9 (device 0x1f << 3 | function 1): 0xf9 - 0 + 0x10000
        assertThat(map.lookup(0xf9)).isEqualTo(new MsiMapLookup.Mapped("its0", 0x100f9, 0));
        // 0x100 is one past the range (rid-base + length is exclusive)
        assertThat(map.lookup(0x100)).isEqualTo(new MsiMapLookup.Untranslated(0x100));
    }

    @Test
    void theMaskIsAppliedBeforeTheRowsAndTheUntranslatedIdIsTheRawOne() {
        // a root complex that presents only the devfn: mask 0xff drops the bus
        MsiMap map = MsiMap.of(MsiMapEntry.of(0x08, "its0", 0x800, 0x08)).withMask(0xFF);
        // RID 0x0309 (bus 3, device 1, function 1) masked to 0x09: 0x09 - 0x08 + 0x800 = 0x801
        assertThat(map.lookup(0x0309)).isEqualTo(new MsiMapLookup.Mapped("its0", 0x801, 0));
        // RID 0x0301 masked to 0x01: no row; the kernel passes the raw 0x0301 on, not 0x01
        assertThat(map.lookup(0x0301)).isEqualTo(new MsiMapLookup.Untranslated(0x0301));
        assertThat(map.lookup(0x0301).outcome()).isEqualTo("untranslated");
    }

    @Test
    void aRowWhoseBaseTheMaskClearsFailsTheLookupWhenReachedBeforeAMatch() {
        MsiMap map = new MsiMap(List.of(
                MsiMapEntry.of(0x00, "its0", 0, 0x10),
                MsiMapEntry.of(0x100, "its0", 0x100, 0x10)), 0xFF);
        // 0x05 matches row 0 before row 1 is read
        assertThat(map.lookup(0x05)).isEqualTo(new MsiMapLookup.Mapped("its0", 0x05, 0));
        // 0x20 misses row 0 and reaches row 1, whose base 0x100 has bits outside the mask: -EFAULT
        assertThat(map.lookup(0x20)).isEqualTo(new MsiMapLookup.MaskIgnoresBase(1));
    }

    @Test
    void askingForAControllerSkipsRowsOfOthers() {
        MsiMap map = MsiMap.of(
                MsiMapEntry.of(0x000, "its0", 0x0000, 0x100),
                MsiMapEntry.of(0x000, "its1", 0x8000, 0x100));
        assertThat(map.lookup(0x42)).isEqualTo(new MsiMapLookup.Mapped("its0", 0x42, 0));
        assertThat(map.lookup(0x42, "its1")).isEqualTo(new MsiMapLookup.Mapped("its1", 0x8042, 1));
        assertThat(map.lookup(0x42, "v2m0")).isEqualTo(new MsiMapLookup.Untranslated(0x42));
    }

    @Test
    void theDeviceIdsOfEveryControllerAreWhatEachLookupGives() {
        MsiMap map = new MsiMap(List.of(
                MsiMapEntry.of(0x00, "its0", 0x0000, 0x10),
                MsiMapEntry.of(0x00, "its1", 0x8000, 0x40),
                MsiMapEntry.of(0x08, "its0", 0x4000, 0x10),
                MsiMapEntry.of(0x100, "its2", 0x100, 0x10),
                MsiMapEntry.of(0x20, "its2", 0x200, 0x10)), 0xFF);
        Set<String> controllers = Set.of("its0", "its1", "its2", "v2m0");
        for (long rid : new long[] {0x05, 0x0c, 0x18, 0x25, 0x305, 0x80}) {
            Map<String, Long> expected = new HashMap<>();
            for (String controller : controllers) {
                if (map.lookup(rid, controller) instanceof MsiMapLookup.Mapped m) {
                    expected.put(controller, m.deviceId());
                }
            }
            assertThat(map.deviceIds(rid, controllers)).isEqualTo(expected);
        }
        // 0x05 maps at its0 and its1; its2's lookup stops at row 3, whose base the mask clears
        assertThat(map.deviceIds(0x05, controllers)).containsExactly("its0", 0x05L, "its1", 0x8005L);
        assertThat(map.deviceIds(0x05, Set.of("its1"))).containsExactly("its1", 0x8005L);
        assertThat(map.deviceIds(0x05, Set.of())).isEmpty();
    }

    @Test
    void rangesAndDeviceIdsWrapInThirtyTwoBits() {
        // rid-base + length = 0x1_0000_0010 wraps to 0x10: every id >= 0x10 fails "id < base + length"
        MsiMap wrapping = MsiMap.of(MsiMapEntry.of(0xFFFF_FFF0L, "its0", 0, 0x20));
        assertThat(wrapping.lookup(0xFFFF_FFF8L)).isEqualTo(new MsiMapLookup.Untranslated(0xFFFF_FFF8L));
        // msi-base + offset wraps too: 0xFFFF_FFFF + 2 = 1
        MsiMap out = MsiMap.of(MsiMapEntry.of(0, "its0", 0xFFFF_FFFFL, 4));
        assertThat(out.lookup(2)).isEqualTo(new MsiMapLookup.Mapped("its0", 1, 0));
    }

    @Test
    void cellsAreThirtyTwoBitsAndTheMapIsNotEmpty() {
        assertThrows(IllegalArgumentException.class, () -> new MsiMap(List.of(), MsiMap.ALL_BITS));
        assertThrows(IllegalArgumentException.class, () -> MsiMapEntry.of(0x1_0000_0000L, "its0", 0, 1));
        assertThrows(IllegalArgumentException.class, () -> MsiMap.of(MsiMapEntry.of(0, "its0", 0, 1)).lookup(-1));
    }
}
