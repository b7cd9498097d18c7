package dev.irqtopo.runtime;

import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.RequesterId;

import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * The host's remap domain for one IOMMU with remapping on: it allocates table entries, fills them,
 * composes the messages that select them, and, as the hardware, translates requests through them.
 */
abstract sealed class RemapDomain permits VtdRemapDomain, AmdViRemapDomain {

    final IommuModel model;

    RemapDomain(IommuModel model) {
        this.model = model;
    }

    String name() {
        return model.name();
    }

    /** The errno the driver returns when no block is free. */
    abstract Errno exhausted();

    /** Takes the lowest free aligned block for {@code count} entries of the table {@code requester} uses; base or -1. */
    abstract int allocate(RequesterId requester, int count, Journal journal);

    /** Fills entry {@code index} to deliver {@code vector} to the CPU with {@code apicId}, posted when {@code posted} is given. */
    abstract void program(RequesterId requester, int index, int vector, int apicId, Optional<PostedTarget> posted, Journal journal);

    /** The message slot {@code i} of a block at {@code base} stores. */
    abstract Message compose(int base, int i);

    /** Whether entries for guest interrupts are switched to posted mode. */
    abstract boolean posts();

    /** Translates a request carrying {@code requester}; steps in words go to {@code trace} when it is not null. */
    abstract Translation translate(RequesterId requester, long address, int data, List<String> trace);

    /** The entry {@code index} of the table {@code requester} uses, when present. */
    abstract Optional<RemapEntry> entry(RequesterId requester, int index);

    /**
     * For every present entry a request carrying {@code requester} can use, the lowest message that
     * selects it, in index order.
     */
    abstract List<Message> lowestMessagesToEntries(RequesterId requester);

    /** Whether compatibility-format requests pass untranslated to the CPUs (VT-d with {@code compat allowed}). */
    abstract boolean passesCompatibility();

    /**
     * What every present entry delivers to, routed once through {@code router} and attributed by
     * {@code owner} (an owner number, or negative for nobody), for asking later which owners each
     * requester reaches and with which lowest message. The caller holds the platform's lock.
     */
    abstract EntryReach entryReach(Router router, ToIntFunction<Delivery> owner);

    /** Every allocated index with its entry (empty while allocated but not yet filled), for snapshots. */
    abstract void forEachAllocated(EntryVisitor visitor);

    /** What a remap domain's entries deliver to, condensed per owner. */
    interface EntryReach {
        /** Offers to {@code lowest} the owner and lowest message of every entry a request carrying {@code requester} may use. */
        void offerTo(RequesterId requester, LowestMessages lowest);
    }

    /** Receives allocated entries: the table's requester id (AMD-Vi only), the index and the entry. */
    interface EntryVisitor {
        void visit(Optional<RequesterId> table, int index, Optional<RemapEntry> entry);
    }
}
