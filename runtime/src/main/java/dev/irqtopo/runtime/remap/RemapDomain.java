package dev.irqtopo.runtime.remap;

import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The host's remap domain for one IOMMU with remapping on (Linux's {@code intel_ir_domain_ops} and
 * {@code amd_ir_domain_ops} with the hardware behind them): it allocates and frees table entries, fills
 * them, composes the messages that select them, and, as the hardware, translates requests through
 * them. Requester ids here are the ones the IOMMU sees: a bridged device's is its bridge's alias.
 *
 * <p>A plain data structure: not thread-safe, its users serialize changes. Each change has its
 * inverse ({@link #allocate} and {@link #free}), which the chain above records to undo a request.
 */
public abstract sealed class RemapDomain permits VtdRemapDomain, AmdViRemapDomain {

    final IommuModel model;

    RemapDomain(IommuModel model) {
        this.model = model;
    }

    /** The IOMMU's name. */
    public String name() {
        return model.name();
    }

    public IommuModel model() {
        return model;
    }

    /** The errno the driver returns when no block is free. */
    public abstract Errno exhausted();

    /**
     * Takes entries for {@code count} interrupts of {@code device} (a multi-message MSI block when
     * {@code count > 1}, whose window is {@code count} rounded up to a power of two): their base, or -1.
     */
    public abstract int allocate(DeviceModel device, int count);

    /** Returns what {@link #allocate} took for {@code device} at {@code base}, clearing the entries filled since. */
    public abstract void free(DeviceModel device, int base, int count);

    /**
     * Fills entry {@code index}, just allocated for {@code device}, to deliver {@code vector} to the CPU
     * with {@code apicId} (physical destination mode); posted to {@code posted} when given.
     */
    public void program(DeviceModel device, int index, int vector, int apicId, Optional<PostedTarget> posted) {
        program(device, index, vector, apicId, false, posted);
    }

    /**
     * Fills entry {@code index}, just allocated for {@code device}, to deliver {@code vector} to the CPU
     * its kernel names {@code destinationId}: an APIC ID, or a logical id when {@code logical} (the
     * entry's destination mode); posted to {@code posted} when given.
     */
    public abstract void program(DeviceModel device, int index, int vector, int destinationId, boolean logical,
                                 Optional<PostedTarget> posted);

    /** Compose: the message interrupt {@code i} of a block at {@code base} stores. */
    public abstract Message compose(int base, int i);

    /** Whether entries for guest interrupts are switched to posted mode. */
    public abstract boolean posts();

    /** Translates a request carrying {@code requester}; steps in words go to {@code trace} when it is not null. */
    public abstract Translation translate(RequesterId requester, long address, int data, List<String> trace);

    /** The entry {@code index} of the table {@code requester} uses, when present. */
    public abstract Optional<RemapEntry> entry(RequesterId requester, int index);

    /** Whether compatibility-format requests pass untranslated to the CPUs (VT-d in xAPIC mode with {@code compat allowed}). */
    public abstract boolean passesCompatibility();

    /** Whether writes into AMD's HyperTransport interrupt window are interrupt requests through this unit. */
    public boolean decodesHyperTransportWindow() {
        return false;
    }

    /**
     * What every present entry delivers to, as {@code victimsOf} attributes it (the victims' numbers,
     * none when it hits nobody; a logical destination may name CPUs of several owners), for asking
     * later which victims each requester id reaches and with which lowest message.
     */
    public abstract EntryReach entryReach(Function<RemapEntry, int[]> victimsOf);

    /** Every allocated index with its entry (empty while allocated but not yet filled), for snapshots. */
    public abstract void forEachAllocated(EntryVisitor visitor);

    /** What a remap domain's entries deliver to, condensed per victim. */
    public interface EntryReach {
        /** Offers to {@code lowest} the victim, lowest message and passage of every entry a request carrying {@code requester} may use. */
        void offerTo(RequesterId requester, ReachedVictims lowest);
    }

    /** Receives allocated entries: the table's requester id (AMD-Vi only), the index and the entry. */
    public interface EntryVisitor {
        void visit(Optional<RequesterId> table, int index, Optional<RemapEntry> entry);
    }
}
