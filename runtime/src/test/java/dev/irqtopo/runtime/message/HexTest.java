package dev.irqtopo.runtime.message;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.irqtopo.testing.PropertyRuns;
import org.junit.jupiter.api.Test;

/** The hex the traces use must read exactly as {@code %0Nx} formats it. */
class HexTest {

    @Test
    void paddedHexIsWhatTheFormatterWrites() {
        PropertyRuns.forEachSeed(2_000, random -> {
            long wide = random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(0x100000);
            int narrow = random.nextInt(4) == 0 ? random.nextInt() : random.nextInt(0x300);
            for (int width : new int[] {2, 4, 8, 16}) {
                assertWithMessage("long %s width %s", wide, width).that(Hex.of(wide, width))
                        .isEqualTo(String.format("%0" + width + "x", wide));
                assertWithMessage("int %s width %s", narrow, width).that(Hex.of(narrow, width))
                        .isEqualTo(String.format("%0" + width + "x", narrow));
            }
        });
    }
}
