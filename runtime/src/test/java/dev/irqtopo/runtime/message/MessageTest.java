package dev.irqtopo.runtime.message;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MessageTest {

    @Test
    void compatibilityFormatPutsTheApicIdInAddressBits19To12AndTheVectorInData() {
        Message m = Message.compatibility(3, 0x21);

        assertThat(m.address()).isEqualTo(0xFEE0_3000L);
        assertThat(m.data()).isEqualTo(0x21);
        assertThat(m.isCompatibilityFormat()).isTrue();
        assertThat(m.destination()).isEqualTo(3);
        assertThat(m.vector()).isEqualTo(0x21);
    }

    @Test
    void extendedDestinationPutsApicIdBits14To8InAddressBits11To5() {
        // APIC ID 0x1234: bits 7:0 = 0x34 -> address 19:12; bits 14:8 = 0x12 -> address 11:5 = 0x240
        Message m = Message.compatibility(0x1234, 0x40, true);

        assertThat(m.address()).isEqualTo(0xFEE3_4240L);
        assertThat(m.destination()).isEqualTo(0x34);
        assertThat(m.extendedDestination()).isEqualTo(0x12);
    }

    @Test
    void compatibilityFormatRefusesADestinationItCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> Message.compatibility(0x100, 0x21));
        assertThrows(IllegalArgumentException.class, () -> Message.compatibility(0x8000, 0x21, true));
    }

    @Test
    void remappableFormatSetsFormatAndSubHandleBitsAndSpreadsTheHandle() {
        // handle 0: 0xFEE00000 | 1 << 4 | 1 << 3
        assertThat(Message.remappable(0, 0).address()).isEqualTo(0xFEE0_0018L);
        // handle 4: 4 << 5 = 0x80
        assertThat(Message.remappable(4, 2)).isEqualTo(Message.of(0xFEE0_0098L, 2));
        // handle 0x8001: bits 14:0 = 1 -> 0x20, bit 15 -> address bit 2
        Message high = Message.remappable(0x8001, 0);
        assertThat(high.address()).isEqualTo(0xFEE0_003CL);
        assertThat(high.handle()).isEqualTo(0x8001);
        assertThat(high.isRemappable()).isTrue();
        assertThat(high.subHandleValid()).isTrue();
    }

    @Test
    void remappableWithoutSubHandleLeavesBit3Clear() {
        Message m = Message.remappableWithoutSubHandle(0x8000, 0);

        assertThat(m.address()).isEqualTo(0xFEE0_0014L);
        assertThat(m.subHandleValid()).isFalse();
        assertThat(m.handle()).isEqualTo(0x8000);
    }

    @Test
    void amdViMessagesCarryTheIndexInDataAndMark2KModeWithAddressBit2() {
        assertThat(Message.amdVi(5, false)).isEqualTo(Message.of(0xFEE0_0000L, 5));
        assertThat(Message.amdVi(2047, true)).isEqualTo(Message.of(0xFEE0_0004L, 2047));
        assertThat(Message.of(0xFEE0_0000L, 0xFFFF_F805).amdViIndex()).isEqualTo(5);
    }

    @Test
    void interruptRangeIsFee00000ToFeeFffffWithAddressHiZero() {
        assertThat(Message.of(0xFEE0_0000L, 0).isInterrupt()).isTrue();
        assertThat(Message.of(0xFEEF_FFFFL, 0).isInterrupt()).isTrue();
        assertThat(Message.of(0xFEF0_0000L, 0).isInterrupt()).isFalse();
        assertThat(Message.of(0xFEDF_FFFFL, 0).isInterrupt()).isFalse();
        assertThat(Message.of(0x1_FEE0_0000L, 0).isInterrupt()).isFalse();
    }

    @Test
    void rendersLowerCaseHexOf16And8Digits() {
        Message m = Message.of(0xFEE0_00ABL, 0xC0);

        assertThat(m.addressHex()).isEqualTo("0x00000000fee000ab");
        assertThat(m.dataHex()).isEqualTo("0x000000c0");
        assertThat(m.addressHi()).isEqualTo(0);
        assertThat(m.addressLo()).isEqualTo(0xFEE0_00AB);
    }

    @Test
    void ordersUnsignedByAddressThenData() {
        Message low = Message.of(0xFEE0_0010L, 0xFFFF_FFFF);
        Message high = Message.of(0xFEE0_0018L, 0);
        Message huge = Message.of(0xFFFF_FFFF_0000_0000L, 0);

        assertThat(low).isLessThan(high);
        assertThat(high).isLessThan(huge);
        assertThat(Message.of(0xFEE0_0018L, 1)).isLessThan(Message.of(0xFEE0_0018L, 0x8000_0000));
    }
}
