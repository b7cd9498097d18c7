package dev.irqtopo.runtime.gic;

import dev.irqtopo.model.arm.GicModel;
import dev.irqtopo.model.arm.ItsModel;
import dev.irqtopo.model.arm.V2mFrameModel;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.message.Result;
import java.util.List;
import org.junit.jupiter.api.Test;
import static com.google.common.truth.Truth.assertThat;

/** GICv2m: Linux's SPI allocation and composition, and what the frame does with a write. */
class V2mTest {

    private static final V2mFrameModel A = V2mFrameModel.atBase("v2m0", 0x0802_0000L, 50, 16);
    private static final V2mFrameModel B = V2mFrameModel.atBase("v2m1", 0x0803_0000L, 96, 8);

    @Test
    void multiMsiBlocksStartAtAnSpiNumberAlignedToTheirSize() {
        V2mAllocator v2m = new V2mAllocator(List.of(A, B));
        // one SPI: the frame's first, 50
        assertThat(v2m.alloc(1).value()).isEqualTo(new V2mBlock(A, 50, 1));
        // four SPIs: the first free multiple of 4 from 51 is 52 (offset 2)
        assertThat(v2m.alloc(4).value()).isEqualTo(new V2mBlock(A, 52, 4));
        // eight: 56..63 is free and 56 is a multiple of 8
        assertThat(v2m.alloc(8).value()).isEqualTo(new V2mBlock(A, 56, 8));
        // another four: A has 51 and 64, 65 free, no aligned four; B from 96
        assertThat(v2m.alloc(4).value()).isEqualTo(new V2mBlock(B, 96, 4));
        assertThat(v2m.alloc(1).value()).isEqualTo(new V2mBlock(A, 51, 1));
        assertThat(v2m.allocated(A)).containsExactly(50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63).inOrder();
    }

    @Test
    void noRoomTakesNothing() {
        V2mAllocator v2m = new V2mAllocator(List.of(B));
        v2m.alloc(4);
        v2m.alloc(2);
        assertThat(v2m.alloc(4)).isEqualTo(Result.failed(Errno.ENOSPC));
        assertThat(v2m.allocated(B)).containsExactly(96, 97, 98, 99, 100, 101).inOrder();
        V2mBlock last = v2m.alloc(2).value();
        assertThat(last.firstSpi()).isEqualTo(102);
        v2m.free(last);
        assertThat(v2m.isAllocated(B, 102)).isFalse();
    }

    @Test
    void theMessageIsTheSetSpiRegisterAndTheSpi() {
        V2mBlock block = new V2mAllocator(List.of(A)).alloc(2).value();
        assertThat(block.compose(1)).isEqualTo(Message.of(0x0802_0040L, 51));
    }

    @Test
    void theFrameRaisesAnyOfItsSpisWhoeverWrites() {
        Gic gic = new Gic(GicModel.v3(List.of(ItsModel.atBase("its0", 0x0808_0000L, 16, 16)), List.of(A)), 2);
        assertThat(gic.write(Sender.none(), A.doorbell(), 60))
                .isEqualTo(new WriteOutcome.Delivered("v2m0", new GicInterrupt.Spi(60)));
        assertThat(gic.write(Sender.of("its0", 5), A.doorbell(), 60))
                .isEqualTo(new WriteOutcome.Delivered("v2m0", new GicInterrupt.Spi(60)));
        assertThat(gic.write(Sender.none(), A.doorbell(), 66))
                .isEqualTo(new WriteOutcome.Ignored("v2m0", IgnoreReason.SPI_OUT_OF_RANGE));
        assertThat(gic.write(Sender.none(), A.doorbell(), -1))
                .isEqualTo(new WriteOutcome.Ignored("v2m0", IgnoreReason.SPI_OUT_OF_RANGE));
        assertThat(gic.write(Sender.none(), A.doorbell() + 4, 60)).isEqualTo(WriteOutcome.memoryWrite());
        assertThat(gic.write(Sender.none(), A.doorbell() + 4, 60).outcome()).isEqualTo("memory_write");
        assertThat(gic.isolatedMsi("v2m0")).isFalse();
        assertThat(gic.isolatedMsi("its0")).isTrue();
    }
}
