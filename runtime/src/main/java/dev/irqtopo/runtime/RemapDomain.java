package dev.irqtopo.runtime;

import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.RequesterId;

import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import java.util.List;
import java.util.Optional;

/**
 * The host's remap domain for one IOMMU with remapping on: it allocates table entries, fills them,
 * composes the messages that select them, and, as the hardware, translates requests through them.
 * Requester ids here are the ones the IOMMU sees: a bridged device's is its bridge's alias.
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

    /**
     * Takes entries for {@code count} interrupts of {@code device} (a multi-message MSI block when
     * {@code count > 1}, whose window is {@code count} rounded up to a power of two): their base, or -1.
     */
    abstract int allocate(Device device, int count, Journal journal);

    /** Fills entry {@code index} for {@code device} to deliver {@code vector} to the CPU with {@code apicId}, posted when {@code posted} is given. */
    abstract void program(Device device, int index, int vector, int apicId, Optional<PostedTarget> posted, Journal journal);

    /** The message slot {@code i} of a block at {@code base} stores. */
    abstract Message compose(int base, int i);

    /** Whether entries for guest interrupts are switched to posted mode. */
    abstract boolean posts();

    /** Translates a request carrying {@code requester}; steps in words go to {@code trace} when it is not null. */
    abstract Translation translate(RequesterId requester, long address, int data, List<String> trace);

    /** The entry {@code index} of the table {@code requester} uses, when present. */
    abstract Optional<RemapEntry> entry(RequesterId requester, int index);

    /** Whether compatibility-format requests pass untranslated to the CPUs (VT-d in xAPIC mode with {@code compat allowed}). */
    abstract boolean passesCompatibility();

    /** Whether writes into AMD's HyperTransport interrupt window are interrupt requests through this unit. */
    boolean decodesHyperTransportWindow() {
        return false;
    }

    /**
     * What every present entry delivers to, routed once and attributed to victims by {@code victims},
     * for asking later which victims each requester id reaches and with which lowest message. The
     * caller holds the platform's lock.
     */
    abstract EntryReach entryReach(Victims victims, Router router);

    /** Every allocated index with its entry (empty while allocated but not yet filled), for snapshots. */
    abstract void forEachAllocated(EntryVisitor visitor);

    /** What a remap domain's entries deliver to, condensed per victim. */
    interface EntryReach {
        /** Offers to {@code lowest} the victim, lowest message and passage of every entry a request carrying {@code requester} may use. */
        void offerTo(RequesterId requester, ReachedVictims lowest);
    }

    /** Receives allocated entries: the table's requester id (AMD-Vi only), the index and the entry. */
    interface EntryVisitor {
        void visit(Optional<RequesterId> table, int index, Optional<RemapEntry> entry);
    }
}
