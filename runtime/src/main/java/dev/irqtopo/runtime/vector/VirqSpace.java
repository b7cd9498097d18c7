package dev.irqtopo.runtime.vector;

import java.util.BitSet;

/** A kernel's Linux irq numbers: handed out lowest free first, starting at 24 (0..23 are the legacy IO-APIC pins). */
public final class VirqSpace {

    public static final int FIRST_VIRQ = 24;

    private final BitSet used = new BitSet();

    /** The lowest free irq number, now taken. */
    public int allocate() {
        int virq = used.nextClearBit(FIRST_VIRQ);
        used.set(virq);
        return virq;
    }

    public void free(int virq) {
        if (!isAllocated(virq)) {
            throw new IllegalStateException("irq " + virq + " is not allocated");
        }
        used.clear(virq);
    }

    public boolean isAllocated(int virq) {
        return virq >= FIRST_VIRQ && used.get(virq);
    }

    /** The allocated irq numbers in increasing order. */
    public int[] allocated() {
        return used.stream().toArray();
    }
}
