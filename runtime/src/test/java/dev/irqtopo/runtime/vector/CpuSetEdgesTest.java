package dev.irqtopo.runtime.vector;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A CPU set past one word of 64 and one summary word of 64 × 64, its bounds, and its equality. */
class CpuSetEdgesTest {

    @Test
    void cpusBeyondTheFirstWordsAreFoundFirstAndInCommon() {
        CpuSet set = new CpuSet(5000);
        set.add(4999);
        set.add(4100);
        assertThat(set.first()).isEqualTo(4100);
        assertThat(set.contains(4999)).isTrue();
        assertThat(set.size()).isEqualTo(2);

        CpuSet other = new CpuSet(5000);
        other.add(4999);
        other.add(70);
        assertThat(set.firstCommon(other)).isEqualTo(4999);
        other.add(4100);
        assertThat(set.firstCommon(other)).isEqualTo(4100);
        // a word both have a bit in, but not the same bit, is no common CPU
        CpuSet neighbour = new CpuSet(5000);
        neighbour.add(4101);
        assertThat(set.firstCommon(neighbour)).isEqualTo(-1);

        set.remove(4100);
        assertThat(set.first()).isEqualTo(4999);
        set.remove(4999);
        assertThat(set.isEmpty()).isTrue();
        assertThat(set.first()).isEqualTo(-1);
    }

    @Test
    void aCpuOutsideTheCapacityIsRefused() {
        CpuSet set = new CpuSet(64);
        set.add(63);
        assertThat(set.toString()).isEqualTo("{63}");
        assertThrows(IndexOutOfBoundsException.class, () -> set.add(64));
        assertThrows(IndexOutOfBoundsException.class, () -> set.contains(-1));
        assertThrows(IllegalArgumentException.class, () -> new CpuSet(0));
        assertThat(new CpuSet(1).capacity()).isEqualTo(1);
    }

    @Test
    void setsAreEqualWhenTheyHoldTheSameCpusOfTheSameCapacity() {
        CpuSet a = CpuSet.all(100);
        CpuSet b = CpuSet.all(100);
        assertThat(a).isEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
        assertThat(a).isNotEqualTo(CpuSet.all(101));
        assertThat(a.hashCode()).isNotEqualTo(CpuSet.all(101).hashCode());
        b.remove(99);
        assertThat(a).isNotEqualTo(b);
        assertThat(a).isNotEqualTo("{0..99}");
        assertThat(new CpuSet(128).hashCode()).isNotEqualTo(0);
    }
}
