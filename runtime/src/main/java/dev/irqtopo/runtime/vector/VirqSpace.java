package dev.irqtopo.runtime.vector;

import java.util.BitSet;

/** A kernel's Linux irq numbers: handed out lowest free first, starting at 24 (0..23 are the legacy IO-APIC pins). */
public final class VirqSpace {

    public static final int FIRST_VIRQ = 24;

    private final BitSet used = new BitSet();
    /** Every number from {@link #FIRST_VIRQ} below this one is taken: the search for a free one starts here. */
    private int searchFrom = FIRST_VIRQ;

    /** The lowest free irq number, now taken. */
    public int allocate() {
        int virq = used.nextClearBit(searchFrom);
        used.set(virq);
        searchFrom = virq + 1;
        return virq;
    }

    public void free(int virq) {
        if (!isAllocated(virq)) {
            throw new IllegalStateException("irq " + virq + " is not allocated");
        }
        used.clear(virq);
        searchFrom = Math.min(searchFrom, virq);
    }

    public boolean isAllocated(int virq) {
        return virq >= FIRST_VIRQ && used.get(virq);
    }

    /** The allocated irq numbers in increasing order. */
    public int[] allocated() {
        return used.stream().toArray();
    }
}
