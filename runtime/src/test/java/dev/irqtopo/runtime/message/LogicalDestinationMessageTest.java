package dev.irqtopo.runtime.message;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The destination mode of the compatibility format: address bit 2, set for a logical destination. */
class LogicalDestinationMessageTest {

    @Test
    void aLogicalDestinationSetsAddressBit2() {
        Message flat = Message.compatibility(1 << 3, 0x21, true, false);

        assertThat(flat.address()).isEqualTo(0xFEE0_8004L);
        assertThat(flat.data()).isEqualTo(0x21);
        assertThat(flat.isLogicalDestination()).isTrue();
        assertThat(flat.destination()).isEqualTo(0x08);
        assertThat(flat.isCompatibilityFormat()).isTrue();
        assertThat(Message.compatibilityAddress(0x08, true)).isEqualTo(0xFEE0_8004L);
    }

    @Test
    void aPhysicalDestinationIsTheMessageOfOld() {
        assertThat(Message.compatibility(3, 0x21, false, false)).isEqualTo(Message.compatibility(3, 0x21));
        assertThat(Message.compatibility(0x1234, 0x40, false, true)).isEqualTo(Message.compatibility(0x1234, 0x40, true));
        assertThat(Message.compatibility(3, 0x21).isLogicalDestination()).isFalse();
        assertThat(Message.compatibilityAddress(3, false)).isEqualTo(Message.compatibilityAddress(3));
    }

    @Test
    void aLogicalIdMustFitTheDestinationToo() {
        // an x2APIC cluster id beyond 8 bits cannot be carried by compatibility format
        assertThrows(IllegalArgumentException.class, () -> Message.compatibility(0x0001_0001, 0x21, true, false));
        assertThrows(IllegalArgumentException.class, () -> Message.compatibility(0x100, 0x21, true, false));
    }

    @Test
    void theSameBitIsAnotherFieldInTheOtherFormats() {
        // address bit 2 is handle bit 15 in VT-d's remappable format
        Message remappable = Message.remappable(0x8000, 0);
        assertThat(remappable.isLogicalDestination()).isTrue();
        assertThat(remappable.handle()).isEqualTo(0x8000);
    }
}
