package dev.irqtopo.runtime.gic;

import dev.irqtopo.model.arm.V2mFrameModel;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Result;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Linux's GICv2m SPI allocation ({@code gicv2m_irq_domain_alloc}, irq-gic-v2m.c, 6.1 and 6.12): the
 * frames are tried in the order they were probed; in each, the lowest run of {@code nrIrqs} free SPIs
 * whose first SPI <em>number</em> is a multiple of {@code nrIrqs} ({@code bitmap_find_next_zero_area_off}
 * with mask {@code nrIrqs − 1} and the frame's first SPI as offset), so multi-MSI can OR its message
 * number into the data. ENOSPC when no frame has such a run.
 */
public final class V2mAllocator {

    private final List<V2mFrameModel> frames;
    private final List<BitSet> used = new ArrayList<>();

    public V2mAllocator(List<V2mFrameModel> frames) {
        this.frames = List.copyOf(frames);
        for (int i = 0; i < this.frames.size(); i++) {
            used.add(new BitSet());
        }
    }

    public Result<V2mBlock> alloc(int nrIrqs) {
        if (nrIrqs < 1) {
            throw new IllegalArgumentException("SPI count " + nrIrqs);
        }
        for (int f = 0; f < frames.size(); f++) {
            V2mFrameModel frame = frames.get(f);
            int offset = findZeroArea(used.get(f), frame.spiCount(), nrIrqs, nrIrqs - 1, frame.firstSpi() & (nrIrqs - 1));
            if (offset < frame.spiCount()) {
                used.get(f).set(offset, offset + nrIrqs);
                return Result.ok(new V2mBlock(frame, frame.firstSpi() + offset, nrIrqs));
            }
        }
        return Result.failed(Errno.ENOSPC);
    }

    /** {@code gicv2m_unalloc_msi}: releases the block's region of 2^⌈log2 count⌉ SPIs. */
    public void free(V2mBlock block) {
        int f = frames.indexOf(block.frame());
        if (f < 0) {
            throw new IllegalArgumentException("no frame " + block.frame().name());
        }
        int offset = block.firstSpi() - block.frame().firstSpi();
        used.get(f).clear(offset, Math.min(offset + (1 << EventMap.countOrder(block.count())), block.frame().spiCount()));
    }

    /** Whether {@code spi} of {@code frame} is allocated. */
    public boolean isAllocated(V2mFrameModel frame, int spi) {
        int f = frames.indexOf(frame);
        return f >= 0 && frame.covers(spi) && used.get(f).get(spi - frame.firstSpi());
    }

    /** The allocated SPIs of {@code frame} in increasing order. */
    public List<Integer> allocated(V2mFrameModel frame) {
        int f = frames.indexOf(frame);
        List<Integer> spis = new ArrayList<>();
        if (f >= 0) {
            used.get(f).stream().forEach(offset -> spis.add(frame.firstSpi() + offset));
        }
        return spis;
    }

    public List<V2mFrameModel> frames() {
        return frames;
    }

    /**
     * {@code bitmap_find_next_zero_area_off} from bit 0, step by step as lib/bitmap.c does it: the first
     * zero bit, aligned so that {@code index + alignOffset} is a multiple of {@code alignMask + 1}; if a
     * used bit lies in the run, start again after it. Returns the index, or a value past {@code size}.
     */
    static int findZeroArea(BitSet map, int size, int nr, int alignMask, int alignOffset) {
        int start = 0;
        while (true) {
            int index = map.nextClearBit(start);
            if (index > size) {
                index = size;
            }
            index = ((index + alignOffset + alignMask) & ~alignMask) - alignOffset;
            int end = index + nr;
            if (end > size) {
                return end;
            }
            int i = map.nextSetBit(index);
            if (i >= 0 && i < end) {
                start = i + 1;
                continue;
            }
            return index;
        }
    }
}
