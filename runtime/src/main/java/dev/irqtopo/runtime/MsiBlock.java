package dev.irqtopo.runtime;

import java.util.List;

/**
 * A multi-message MSI allocation through a remap domain: the interrupts took their vectors one by
 * one, then the block took one aligned block of entries and stored one message for all of them.
 * They are freed together, as MSI is enabled and disabled as a whole.
 */
final class MsiBlock {

    final List<Irq> irqs;
    final Journal teardown = new Journal();

    MsiBlock(List<Irq> irqs) {
        this.irqs = List.copyOf(irqs);
    }

    /** Undoes the block, then each interrupt newest first. */
    void release() {
        teardown.rollback();
        for (int i = irqs.size() - 1; i >= 0; i--) {
            irqs.get(i).teardown.rollback();
        }
    }
}
