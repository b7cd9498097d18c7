package dev.irqtopo.model.arm;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code iort_node_map_id} / {@code iort_id_map} for one root complex, with values worked out by hand. */
class IortRootComplexTest {

    @Test
    void idCountIsInclusive() {
        // id_count 0xff: 256 ids, 0x00..0xff
        IortRootComplex rc = new IortRootComplex(List.of(IortIdMapping.range(0x000, 0xff, 0x1000, "its0")));
        assertThat(rc.lookup(0xff)).isEqualTo(new IortLookup.Mapped("its0", 0x10ff, 0));
        assertThat(rc.lookup(0x100)).isEqualTo(new IortLookup.Unmapped(0x100));
    }

    @Test
    void aSingleMappingIgnoresTheInputId() {
        IortRootComplex rc = new IortRootComplex(List.of(IortIdMapping.single(0x77, "its0")));
        assertThat(rc.lookup(0x1234)).isEqualTo(new IortLookup.Mapped("its0", 0x77, 0));
    }

    @Test
    void theLastIdOfARangeYieldsToARangeStartingThere() {
        // firmware that wrote the count (0x100) instead of count-1: 0x100 ends range 0 and starts range 1
        IortRootComplex rc = new IortRootComplex(List.of(
                IortIdMapping.range(0x000, 0x100, 0x0000, "its0"),
                IortIdMapping.range(0x100, 0x0ff, 0x9000, "its1")));
        assertThat(rc.lookup(0x100)).isEqualTo(new IortLookup.Mapped("its1", 0x9000, 1));
        assertThat(rc.lookup(0x0ff)).isEqualTo(new IortLookup.Mapped("its0", 0x0ff, 0));
    }

    @Test
    void theLastIdKeepsItsMatchWhenTheNextRangeMerelyContainsIt() {
        IortRootComplex rc = new IortRootComplex(List.of(
                IortIdMapping.range(0x000, 0x100, 0x0000, "its0"),
                IortIdMapping.range(0x080, 0x0ff, 0x9000, "its1")));
        // 0x100 is the end of range 0 (provisional) and inside range 1 but not at its start: range 0 stands
        assertThat(rc.lookup(0x100)).isEqualTo(new IortLookup.Mapped("its0", 0x100, 0));
        // 0x0ff lies inside range 0 (not its end): definitive at once
        assertThat(rc.lookup(0x0ff)).isEqualTo(new IortLookup.Mapped("its0", 0x0ff, 0));
    }

    @Test
    void anEndThatWrapsMatchesNothing() {
        IortRootComplex rc = new IortRootComplex(List.of(IortIdMapping.range(0xFFFF_FFF0L, 0x20, 0, "its0")));
        assertThat(rc.lookup(0xFFFF_FFF8L)).isEqualTo(new IortLookup.Unmapped(0xFFFF_FFF8L));
    }
}
