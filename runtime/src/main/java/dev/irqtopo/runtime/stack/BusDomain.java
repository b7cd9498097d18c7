package dev.irqtopo.runtime.stack;

import dev.irqtopo.runtime.bus.Storage;
import dev.irqtopo.runtime.message.Message;

import java.util.BitSet;
import java.util.List;

/**
 * The bus domain at a stack's end (Linux's PCI/MSI, MSI-X or IMS domain over one storage): which
 * interrupt uses each slot, and the Store step. Architecture agnostic: it never refuses on its own.
 */
final class BusDomain {

    private final Storage storage;
    private final Interrupt[] claimedBy;
    /** The slots an interrupt uses, to find the lowest free one without walking every slot. */
    private final BitSet claimed = new BitSet();

    BusDomain(Storage storage) {
        this.storage = storage;
        this.claimedBy = new Interrupt[storage.size()];
    }

    Storage storage() {
        return storage;
    }

    Interrupt claimant(int slot) {
        return claimedBy[slot];
    }

    int freeSlots() {
        return claimedBy.length - claimed.cardinality();
    }

    /** The lowest slot no interrupt uses, or -1. */
    int lowestFreeSlot() {
        int slot = claimed.nextClearBit(0);
        return slot < claimedBy.length ? slot : -1;
    }

    /** Alloc, the bus domain's part: each interrupt takes its slot, which no interrupt used. */
    void claim(List<Interrupt> unit, Journal journal) {
        for (Interrupt irq : unit) {
            int slot = irq.slot();
            claimedBy[slot] = irq;
            claimed.set(slot);
        }
        journal.record(() -> {
            for (Interrupt irq : unit) {
                claimedBy[irq.slot()] = null;
                claimed.clear(irq.slot());
            }
        });
    }

    /**
     * Store: each interrupt's composed message into its slot, which unmasks it; an MSI block shares one
     * message, and the capability enables the block's power of two.
     */
    void store(List<Interrupt> unit, Journal journal) {
        if (unit.size() == 1) {
            write(unit.get(0).slot(), unit.get(0).composed(), journal);
            return;
        }
        write(0, unit.get(0).composed(), journal);
        journal.record(storage.enableMsi(unit.size()));
    }

    /** Writes {@code message} into {@code slot}, which unmasks it. */
    void write(int slot, Message message, Journal journal) {
        journal.record(storage.write(slot, message));
    }
}
