package dev.irqtopo.runtime.vector;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class CpuSetTest {

    @Test
    void findsTheLowestMemberAcrossWords() {
        CpuSet set = new CpuSet(4096);
        set.add(4000);
        set.add(130);

        assertThat(set.first()).isEqualTo(130);
        set.remove(130);
        assertThat(set.first()).isEqualTo(4000);
        set.remove(4000);
        assertThat(set.first()).isEqualTo(-1);
        assertThat(set.isEmpty()).isTrue();
    }

    @Test
    void findsTheLowestCommonMemberSkippingWordsThatOnlyOneSetUses() {
        CpuSet a = new CpuSet(1024);
        CpuSet b = new CpuSet(1024);
        a.add(5);
        b.add(6);
        a.add(700);
        b.add(700);
        a.add(1000);
        b.add(1000);

        assertThat(a.firstCommon(b)).isEqualTo(700);
        a.remove(700);
        assertThat(a.firstCommon(b)).isEqualTo(1000);
        assertThat(a.size()).isEqualTo(2);
        assertThat(a.toString()).isEqualTo("{5, 1000}");
    }
}
