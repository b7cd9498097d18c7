package dev.irqtopo.runtime.gic;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** {@code bitmap_find_free_region} with {@code get_count_order}, as {@code its_alloc_device_irq} uses it. */
class EventMapTest {

    @Test
    void countOrderIsTheCeilingLog() {
        assertThat(EventMap.countOrder(1)).isEqualTo(0);
        assertThat(EventMap.countOrder(2)).isEqualTo(1);
        assertThat(EventMap.countOrder(3)).isEqualTo(2);
        assertThat(EventMap.countOrder(32)).isEqualTo(5);
        assertThat(EventMap.countOrder(33)).isEqualTo(6);
    }

    @Test
    void regionsAreAlignedToTheirSize() {
        EventMap events = new EventMap(16);
        assertThat(events.allocRegion(1)).isEqualTo(0);
        // 4 events: 0..3 holds event 0, so 4..7
        assertThat(events.allocRegion(4)).isEqualTo(4);
        assertThat(events.allocRegion(1)).isEqualTo(1);
        // 3 events take a region of 4: 8..11
        assertThat(events.allocRegion(3)).isEqualTo(8);
        assertThat(events.isUsed(11)).isTrue();
        // 8 events: 0..7 and 8..15 are both partly used
        assertThat(events.allocRegion(8)).isEqualTo(-1);
        events.releaseRegion(8, 3);
        assertThat(events.isUsed(11)).isFalse();
        assertThat(events.allocRegion(8)).isEqualTo(8);
    }

    @Test
    void aRegionMustFitTheMap() {
        // halving left a device 2 LPIs: a 4-event request cannot fit
        assertThat(new EventMap(2).allocRegion(4)).isEqualTo(-1);
        assertThat(new EventMap(2).allocRegion(2)).isEqualTo(0);
    }
}
