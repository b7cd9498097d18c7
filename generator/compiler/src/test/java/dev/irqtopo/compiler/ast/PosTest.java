package dev.irqtopo.compiler.ast;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** A position's written-out equals and hashCode agree with those a record of the same components has. */
class PosTest {

    private record Generated(int line, int column) {
    }

    @Test
    void hashCodeIsTheRecordsOwn() {
        for (int line : new int[] {1, 2, 17, 4096, Integer.MAX_VALUE}) {
            for (int column : new int[] {1, 3, 80, 65535, Integer.MAX_VALUE}) {
                assertThat(new Pos(line, column).hashCode()).isEqualTo(new Generated(line, column).hashCode());
            }
        }
    }

    @Test
    void equalExactlyWhenLineAndColumnAre() {
        assertThat(new Pos(3, 7)).isEqualTo(new Pos(3, 7));
        assertThat(new Pos(3, 7)).isNotEqualTo(new Pos(3, 8));
        assertThat(new Pos(3, 7)).isNotEqualTo(new Pos(4, 7));
        assertThat(new Pos(3, 7)).isNotEqualTo(new Generated(3, 7));
        assertThat(new Pos(3, 7).equals(null)).isFalse();
    }
}
