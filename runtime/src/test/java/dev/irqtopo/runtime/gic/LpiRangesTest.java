package dev.irqtopo.runtime.gic;

import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Result;
import org.junit.jupiter.api.Test;
import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code alloc_lpi_range}, {@code its_lpi_alloc} and {@code free_lpi_range}, with values worked out by hand. */
class LpiRangesTest {

    @Test
    void linuxUsesAtMostSixteenIdBits() {
        // 2^16 - 8192 = 57344
        assertThat(LpiRanges.forIdBits(16).count()).isEqualTo(57344);
        assertThat(LpiRanges.forIdBits(24).count()).isEqualTo(57344);
        // 2^14 - 8192 = 8192
        assertThat(LpiRanges.forIdBits(14).count()).isEqualTo(8192);
        assertThat(LpiRanges.forIdBits(14).limit()).isEqualTo(16384);
        assertThrows(IllegalArgumentException.class, () -> LpiRanges.forIdBits(13));
    }

    @Test
    void devicesTakeConsecutiveBlocksFrom8192() {
        LpiRanges lpis = LpiRanges.forIdBits(16);
        assertThat(lpis.alloc(32).value()).isEqualTo(new LpiBlock(8192, 32));
        assertThat(lpis.alloc(32).value()).isEqualTo(new LpiBlock(8224, 32));
        // the third device after two 32-LPI devices: 8192 + 32 + 32
        assertThat(lpis.alloc(32).value().base()).isEqualTo(8256);
        assertThat(lpis.freeRanges()).containsExactly(new LpiBlock(8288, 57344 - 96));
    }

    @Test
    void theFirstRangeLargeEnoughIsTakenFromItsFront() {
        LpiRanges lpis = new LpiRanges(128);
        LpiBlock a = lpis.alloc(16).value();   // 8192..8207
        lpis.alloc(16);                        // 8208..8223
        LpiBlock c = lpis.alloc(32).value();   // 8224..8255
        lpis.alloc(8);                         // 8256..8263
        lpis.free(a);
        lpis.free(c);
        // free: 8192+16, 8224+32, 8264+56; 20 fits first in the 32-range
        assertThat(lpis.alloc(20).value()).isEqualTo(new LpiBlock(8224, 20));
        // 8 fits first in the 16-range
        assertThat(lpis.alloc(8).value()).isEqualTo(new LpiBlock(8192, 8));
        assertThat(lpis.freeRanges()).containsExactly(new LpiBlock(8200, 8), new LpiBlock(8244, 12),
                new LpiBlock(8264, 56)).inOrder();
    }

    @Test
    void aRequestThatFitsNowhereIsHalvedUntilItDoes() {
        LpiRanges lpis = new LpiRanges(40);
        // 64 and nothing else: 64 fails, 32 fits
        assertThat(lpis.alloc(64).value()).isEqualTo(new LpiBlock(8192, 32));
        // 8 left: 32 fails, 16 fails, 8 fits
        assertThat(lpis.alloc(32).value()).isEqualTo(new LpiBlock(8224, 8));
        assertThat(lpis.freeCount()).isEqualTo(0);
    }

    @Test
    void exhaustionTakesNothing() {
        LpiRanges lpis = new LpiRanges(8);
        lpis.alloc(8);
        assertThat(lpis.alloc(4)).isEqualTo(Result.failed(Errno.ENOSPC));
        assertThat(lpis.allocRange(1)).isEqualTo(Result.failed(Errno.ENOSPC));
        assertThat(lpis.freeRanges()).isEmpty();
        // asking for none ends the kernel's loop at zero: ENOSPC, and nothing taken from a free range
        LpiRanges fresh = new LpiRanges(8);
        assertThat(fresh.alloc(0)).isEqualTo(Result.failed(Errno.ENOSPC));
        assertThat(fresh.freeCount()).isEqualTo(8);
    }

    @Test
    void freeingMergesWithTheRangeBeforeAndAfter() {
        LpiRanges lpis = new LpiRanges(48);
        LpiBlock a = lpis.alloc(16).value();
        LpiBlock b = lpis.alloc(16).value();
        LpiBlock c = lpis.alloc(16).value();
        lpis.free(a);
        lpis.free(c);
        assertThat(lpis.freeRanges()).containsExactly(a, c).inOrder();
        lpis.free(b);
        assertThat(lpis.freeRanges()).containsExactly(new LpiBlock(8192, 48));
    }

    @Test
    void freeingWhatIsFreeIsAProgrammerError() {
        LpiRanges lpis = new LpiRanges(48);
        LpiBlock a = lpis.alloc(16).value();
        lpis.free(a);
        assertThrows(IllegalStateException.class, () -> lpis.free(new LpiBlock(8200, 4)));
        assertThrows(IllegalArgumentException.class, () -> lpis.free(new LpiBlock(8192 + 40, 16)));
    }
}
