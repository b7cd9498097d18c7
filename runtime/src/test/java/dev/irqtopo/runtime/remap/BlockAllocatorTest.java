package dev.irqtopo.runtime.remap;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.irqtopo.testing.PropertyRuns;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockAllocatorTest {

    @Test
    void roundsRequestsUpToAPowerOfTwo() {
        assertThat(BlockAllocator.blockSize(1)).isEqualTo(1);
        assertThat(BlockAllocator.blockSize(2)).isEqualTo(2);
        assertThat(BlockAllocator.blockSize(3)).isEqualTo(4);
        assertThat(BlockAllocator.blockSize(5)).isEqualTo(8);
        assertThat(BlockAllocator.blockSize(32)).isEqualTo(32);
    }

    @Test
    void takesTheLowestFreeBlockAlignedToItsSize() {
        BlockAllocator table = new BlockAllocator(65536);

        assertThat(table.allocate(1)).isEqualTo(0);
        assertThat(table.allocate(1)).isEqualTo(1);
        // indices 0 and 1 used: a block of 4 must start at 4, leaving 2..3 for singles
        assertThat(table.allocate(4)).isEqualTo(4);
        assertThat(table.allocate(1)).isEqualTo(2);
        assertThat(table.allocate(2)).isEqualTo(8);
        assertThat(table.allocate(3)).isEqualTo(12);
        assertThat(table.allocate(1)).isEqualTo(3);
        assertThat(table.allocate(1)).isEqualTo(10);
    }

    @Test
    void blocksOfAWordAndMoreAreAlignedToo() {
        BlockAllocator table = new BlockAllocator(1024);
        table.allocate(1);

        assertThat(table.allocate(128)).isEqualTo(128);
        assertThat(table.allocate(64)).isEqualTo(64);
        assertThat(table.allocate(512)).isEqualTo(512);
        assertThat(table.allocate(256)).isEqualTo(256);
        assertThat(table.allocate(64)).isEqualTo(-1);
    }

    @Test
    void aFullTableFindsNothingAndAFreedBlockIsReused() {
        BlockAllocator table = new BlockAllocator(4);

        assertThat(table.allocate(4)).isEqualTo(0);
        assertThat(table.allocate(1)).isEqualTo(-1);
        table.free(0, 4);
        assertThat(table.allocate(2)).isEqualTo(0);
        assertThat(table.allocate(2)).isEqualTo(2);
        assertThat(table.allocate(1)).isEqualTo(-1);
    }

    @Test
    void aBlockLargerThanTheTableIsNeverFound() {
        assertThat(new BlockAllocator(8).allocate(16)).isEqualTo(-1);
        assertThat(new BlockAllocator(1).allocate(2)).isEqualTo(-1);
        assertThat(new BlockAllocator(1).allocate(1)).isEqualTo(0);
    }

    @Test
    void walksUsedIndicesInOrder() {
        BlockAllocator table = new BlockAllocator(256);
        table.allocate(1);
        table.allocate(64);
        table.free(0, 1);
        table.allocate(1);

        assertThat(table.nextUsed(0)).isEqualTo(0);
        assertThat(table.nextUsed(1)).isEqualTo(64);
        assertThat(table.nextUsed(127)).isEqualTo(127);
        assertThat(table.nextUsed(128)).isEqualTo(-1);
        assertThat(new BlockAllocator(8).nextUsed(0)).isEqualTo(-1);
    }

    @Test
    void freeingWhatIsNotAllocatedIsAProgrammingError() {
        BlockAllocator table = new BlockAllocator(16);
        table.allocate(1);

        assertThrows(IllegalStateException.class, () -> table.free(0, 2));
        assertThrows(IllegalArgumentException.class, () -> table.free(1, 2));
        assertThrows(IllegalArgumentException.class, () -> new BlockAllocator(12));
    }

    @Test
    void agreesWithALinearScanAndNeverHandsOutAnIndexTwice() {
        PropertyRuns.forEachSeed(150, random -> {
            int size = 1 << random.nextInt(11);
            BlockAllocator table = new BlockAllocator(size);
            boolean[] used = new boolean[size];
            List<int[]> blocks = new ArrayList<>();
            for (int step = 0; step < 300; step++) {
                if (random.nextInt(3) == 0 && !blocks.isEmpty()) {
                    int[] block = blocks.remove(random.nextInt(blocks.size()));
                    table.free(block[0], block[1]);
                    for (int i = block[0]; i < block[0] + BlockAllocator.blockSize(block[1]); i++) {
                        used[i] = false;
                    }
                    continue;
                }
                int count = 1 + random.nextInt(random.nextBoolean() ? 2 : 40);
                int expected = linearScan(used, BlockAllocator.blockSize(count));
                int got = table.allocate(count);
                assertThat(got).isEqualTo(expected);
                if (got >= 0) {
                    for (int i = got; i < got + BlockAllocator.blockSize(count); i++) {
                        assertThat(used[i]).isFalse();
                        used[i] = true;
                    }
                    blocks.add(new int[] {got, count});
                }
            }
            for (int i = 0; i < size; i++) {
                assertThat(table.isUsed(i)).isEqualTo(used[i]);
            }
        });
    }

    private static int linearScan(boolean[] used, int block) {
        for (int base = 0; base + block <= used.length; base += block) {
            boolean free = true;
            for (int i = base; i < base + block; i++) {
                free &= !used[i];
            }
            if (free) {
                return base;
            }
        }
        return -1;
    }
}
