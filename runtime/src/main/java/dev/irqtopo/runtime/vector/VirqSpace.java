package dev.irqtopo.runtime.vector;

import java.util.BitSet;

/**
 * A kernel's Linux irq numbers: handed out lowest free first, starting at 24 (0..23 are the legacy IO-APIC pins);
 * a legacy irq, 0 to 15, is taken by its own number.
 *
 * <p>Every number from 24 below {@code lowestFree} is taken, so the search for the next free one
 * starts there rather than at 24: allocating in a row costs the same for the first and the ten
 * thousandth interrupt.
 */
public final class VirqSpace {

    public static final int FIRST_VIRQ = 24;
    /** Irqs 0 to 15 exist from the start, as the 8259's; each is its own number. */
    public static final int LEGACY_IRQS = 16;

    private final BitSet used = new BitSet();
    /** No number from {@link #FIRST_VIRQ} up to here (exclusive) is free. */
    private int lowestFree = FIRST_VIRQ;

    /** The lowest free irq number, now taken. */
    public int allocate() {
        int virq = used.nextClearBit(lowestFree);
        used.set(virq);
        lowestFree = virq + 1;
        return virq;
    }

    /** Takes legacy irq {@code irq} (0 to 15), whose number is fixed. */
    public void allocateLegacy(int irq) {
        if (irq < 0 || irq >= LEGACY_IRQS || used.get(irq)) {
            throw new IllegalArgumentException("legacy irq " + irq + " is not free");
        }
        used.set(irq);
    }

    public void free(int virq) {
        if (!isAllocated(virq)) {
            throw new IllegalStateException("irq " + virq + " is not allocated");
        }
        used.clear(virq);
        lowestFree = Math.min(lowestFree, virq);
    }

    public boolean isAllocated(int virq) {
        return virq >= 0 && used.get(virq);
    }

    /** The allocated irq numbers in increasing order. */
    public int[] allocated() {
        return used.stream().toArray();
    }
}
