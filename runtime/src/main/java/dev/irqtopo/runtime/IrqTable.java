package dev.irqtopo.runtime;

import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A kernel's interrupts by irq number. Irq numbers are handed out lowest first from 24, so they stay
 * dense: an array indexed by number finds, adds and removes in constant time and lists in number
 * order, where a sorted tree would cost a walk of its height for each of a hundred thousand interrupts.
 */
final class IrqTable {

    private Irq[] byVirq = new Irq[64];
    private int size;

    Irq get(int virq) {
        return virq >= 0 && virq < byVirq.length ? byVirq[virq] : null;
    }

    void put(int virq, Irq irq) {
        if (virq < 0) {
            throw new IllegalArgumentException("irq " + virq);
        }
        if (virq >= byVirq.length) {
            byVirq = Arrays.copyOf(byVirq, Math.max(byVirq.length * 2, virq + 1));
        }
        if (byVirq[virq] == null) {
            size++;
        }
        byVirq[virq] = irq;
    }

    void remove(int virq) {
        if (get(virq) != null) {
            byVirq[virq] = null;
            size--;
        }
    }

    /** The interrupts in increasing irq number, as a live view. */
    Collection<Irq> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<Irq> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);

                    private int advance(int from) {
                        int i = from;
                        while (i < byVirq.length && byVirq[i] == null) {
                            i++;
                        }
                        return i;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < byVirq.length;
                    }

                    @Override
                    public Irq next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        Irq irq = byVirq[next];
                        next = advance(next + 1);
                        return irq;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
