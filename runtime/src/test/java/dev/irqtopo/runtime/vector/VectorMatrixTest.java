package dev.irqtopo.runtime.vector;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class VectorMatrixTest {

    private static int cpu(int packed) {
        return packed >>> 8;
    }

    private static int vector(int packed) {
        return packed & 0xFF;
    }

    @Test
    void spreadsOverTheCpusWithTheMostFreeVectorsTiesToTheLowest() {
        VectorMatrix m = new VectorMatrix(4);
        CpuSet all = CpuSet.all(4);

        int[] got = new int[6];
        for (int i = 0; i < got.length; i++) {
            got[i] = m.allocate(all);
        }

        assertThat(got).asList().containsExactly(
                0 << 8 | 0x21, 1 << 8 | 0x21, 2 << 8 | 0x21, 3 << 8 | 0x21, 0 << 8 | 0x22, 1 << 8 | 0x22).inOrder();
    }

    @Test
    void skipsTheSystemCallVectorAndStopsAt0xeb() {
        VectorMatrix m = new VectorMatrix(1);
        CpuSet all = CpuSet.all(1);

        int last = 0;
        for (int i = 0; i < VectorMatrix.DEVICE_VECTORS_PER_CPU; i++) {
            int v = vector(m.allocate(all));
            assertThat(v).isNotEqualTo(0x80);
            assertThat(v).isGreaterThan(last);
            last = v;
        }

        assertThat(VectorMatrix.DEVICE_VECTORS_PER_CPU).isEqualTo(202);
        assertThat(last).isEqualTo(0xEB);
        assertThat(m.allocate(all)).isEqualTo(-1);
        assertThat(m.isAllocated(0, 0x7F)).isTrue();
        assertThat(m.isAllocated(0, 0x80)).isFalse();
        assertThat(m.isAllocated(0, 0x81)).isTrue();
    }

    @Test
    void aFreedVectorIsTheLowestFreeAgainAndItsCpuRegainsPriority() {
        VectorMatrix m = new VectorMatrix(2);
        CpuSet all = CpuSet.all(2);
        m.allocate(all); // cpu0 0x21
        m.allocate(all); // cpu1 0x21
        m.allocate(all); // cpu0 0x22

        m.free(0, 0x21);

        assertThat(m.freeVectors(0)).isEqualTo(201);
        int next = m.allocate(all);
        assertThat(cpu(next)).isEqualTo(0);
        assertThat(vector(next)).isEqualTo(0x21);
    }

    @Test
    void onlyCpusOfTheMaskAreChosen() {
        VectorMatrix m = new VectorMatrix(4);
        CpuSet odd = new CpuSet(4);
        odd.add(1);
        odd.add(3);

        assertThat(cpu(m.allocate(odd))).isEqualTo(1);
        assertThat(cpu(m.allocate(odd))).isEqualTo(3);
        assertThat(cpu(m.allocate(odd))).isEqualTo(1);
        // CPU 0 and 2 still have the most free vectors but are outside the mask
        assertThat(m.freeVectors(0)).isEqualTo(202);
    }

    @Test
    void anEmptyMaskOrAnExhaustedMaskFindsNothing() {
        VectorMatrix m = new VectorMatrix(2);
        CpuSet only1 = new CpuSet(2);
        only1.add(1);

        assertThat(m.allocate(new CpuSet(2))).isEqualTo(-1);
        for (int i = 0; i < 202; i++) {
            assertThat(cpu(m.allocate(only1))).isEqualTo(1);
        }
        assertThat(m.allocate(only1)).isEqualTo(-1);
        assertThat(m.freeVectors(0)).isEqualTo(202);
    }

    @Test
    void freeingAVectorThatIsNotAllocatedIsAProgrammingError() {
        VectorMatrix m = new VectorMatrix(1);

        assertThrows(IllegalStateException.class, () -> m.free(0, 0x21));
        assertThrows(IllegalArgumentException.class, () -> m.free(0, 0x80));
        assertThrows(IndexOutOfBoundsException.class, () -> m.free(1, 0x21));
    }

    @Test
    void virqsStartAt24LowestFreeFirst() {
        VirqSpace virqs = new VirqSpace();

        assertThat(virqs.allocate()).isEqualTo(24);
        assertThat(virqs.allocate()).isEqualTo(25);
        assertThat(virqs.allocate()).isEqualTo(26);
        virqs.free(24);
        assertThat(virqs.allocate()).isEqualTo(24);
        assertThat(virqs.allocated()).asList().containsExactly(24, 25, 26).inOrder();
    }
}
