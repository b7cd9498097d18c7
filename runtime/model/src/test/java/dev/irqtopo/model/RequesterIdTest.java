package dev.irqtopo.model;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** A requester id's written-out equals and hashCode agree with those a record of the same components has. */
class RequesterIdTest {

    private record Generated(int segment, int bus, int device, int function) {
    }

    @Test
    void hashCodeIsTheRecordsOwn() {
        for (int segment : new int[] {0, 1, 0xffff}) {
            for (int bus : new int[] {0, 3, 0xff}) {
                for (int device : new int[] {0, 5, 0x1f}) {
                    for (int function : new int[] {0, 1, 7}) {
                        assertThat(RequesterId.of(segment, bus, device, function).hashCode())
                                .isEqualTo(new Generated(segment, bus, device, function).hashCode());
                    }
                }
            }
        }
    }

    @Test
    void equalExactlyWhenEveryFieldIs() {
        RequesterId id = RequesterId.parse("0001:03:00.1");
        assertThat(id).isEqualTo(RequesterId.of(1, 3, 0, 1));
        assertThat(id).isNotEqualTo(RequesterId.of(0, 3, 0, 1));
        assertThat(id).isNotEqualTo(RequesterId.of(1, 4, 0, 1));
        assertThat(id).isNotEqualTo(RequesterId.of(1, 3, 1, 1));
        assertThat(id).isNotEqualTo(RequesterId.of(1, 3, 0, 2));
        assertThat(id).isNotEqualTo(new Generated(1, 3, 0, 1));
        assertThat(id.equals(null)).isFalse();
    }
}
