package dev.irqtopo.runtime.remap;

/**
 * Where one interrupt's remap entry sits: the block a remap domain allocated for its request, and the
 * interrupt's message number in it. The hardware uses entry {@code base + offset}; VT-d composes the
 * base as handle and the offset as sub-handle.
 */
public record EntryIndex(int base, int offset) {

    public EntryIndex {
        if (base < 0 || offset < 0) {
            throw new IllegalArgumentException("entry " + base + " + " + offset);
        }
    }

    /** The entry the hardware uses. */
    public int index() {
        return base + offset;
    }
}
