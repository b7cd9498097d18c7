package dev.irqtopo.runtime.gic;

import java.util.BitSet;

/**
 * The events of one ITS device that Linux has handed out: a bitmap over the device's LPIs
 * ({@code event_map.lpi_map}). A request for {@code n} interrupts takes the lowest free region of
 * 2^⌈log2 n⌉ events aligned to its size ({@code its_alloc_device_irq} →
 * {@code bitmap_find_free_region} with {@code get_count_order(n)}), so that multi-MSI can add its
 * message number to the first event.
 */
public final class EventMap {

    private final int size;
    private final BitSet used = new BitSet();

    public EventMap(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("event map of " + size);
        }
        this.size = size;
    }

    public int size() {
        return size;
    }

    /** {@code get_count_order(n)}: ⌈log2 n⌉, 0 for 1. */
    public static int countOrder(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("count " + n);
        }
        return 32 - Integer.numberOfLeadingZeros(n - 1);
    }

    /** Takes the lowest free aligned region for {@code n} events; its first event, or -1 when none fits. */
    public int allocRegion(int n) {
        int region = 1 << countOrder(n);
        for (int pos = 0; pos + region <= size; pos += region) {
            int next = used.nextSetBit(pos);
            if (next < 0 || next >= pos + region) {
                used.set(pos, pos + region);
                return pos;
            }
        }
        return -1;
    }

    /** {@code bitmap_release_region}: clears the region of {@code n} events from {@code first}. */
    public void releaseRegion(int first, int n) {
        int region = 1 << countOrder(n);
        if (first < 0 || first + region > size) {
            throw new IllegalArgumentException("no region of " + region + " at " + first);
        }
        used.clear(first, first + region);
    }

    public boolean isUsed(int event) {
        return used.get(event);
    }

    public boolean isEmpty() {
        return used.isEmpty();
    }
}
