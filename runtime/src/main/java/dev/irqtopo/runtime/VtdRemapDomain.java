package dev.irqtopo.runtime;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.runtime.remap.BlockAllocator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/** Intel VT-d interrupt remapping: one table for the whole unit, entries bound to requesters by source validation. */
final class VtdRemapDomain extends RemapDomain {

    private final ApicMode apicMode;
    private final BlockAllocator indices;
    private final VtdRemapEntry[] table;

    VtdRemapDomain(IommuModel model, ApicMode apicMode) {
        super(model);
        this.apicMode = apicMode;
        this.indices = new BlockAllocator(model.entries());
        this.table = new VtdRemapEntry[model.entries()];
    }

    @Override
    Errno exhausted() {
        return Errno.ENOMEM;
    }

    @Override
    int allocate(RequesterId requester, int count, Journal journal) {
        int base = indices.allocate(count);
        if (base >= 0) {
            journal.record(() -> indices.free(base, count));
        }
        return base;
    }

    @Override
    void program(RequesterId requester, int index, int vector, int apicId, Optional<PostedTarget> posted, Journal journal) {
        VtdRemapEntry entry = VtdRemapEntry.remapped(vector, apicId, apicMode, model.sourceCheck(), requester);
        VtdRemapEntry previous = table[index];
        table[index] = posted.map(entry::postedTo).orElse(entry);
        journal.record(() -> table[index] = previous);
    }

    @Override
    Message compose(int base, int i) {
        return Message.remappable(base, i);
    }

    @Override
    boolean posts() {
        return model.posted();
    }

    @Override
    Translation translate(RequesterId requester, long address, int data, List<String> trace) {
        if ((address & Message.REMAPPABLE_FORMAT) == 0) {
            if (!model.compatAllowed()) {
                if (trace != null) {
                    trace.add(name() + ": compatibility format, blocked: fault 0x25");
                }
                return Translation.blocked(FaultReason.VTD_COMPAT_BLOCKED);
            }
            if (trace != null) {
                trace.add(name() + ": compatibility format, allowed: passes untranslated");
            }
            return Translation.COMPATIBILITY;
        }
        boolean subHandleValid = (address & Message.SUB_HANDLE_VALID) != 0;
        if (subHandleValid && data >>> 16 != 0) {
            if (trace != null) {
                trace.add(name() + ": sub-handle valid with data bits 31:16 set: fault 0x20");
            }
            return Translation.blocked(FaultReason.VTD_RESERVED_FIELD);
        }
        int handle = (int) (address >>> 5) & 0x7FFF | (int) (address >>> 2 & 1) << 15;
        int index = subHandleValid ? handle + (data & 0xFFFF) & 0xFFFF : handle;
        if (trace != null) {
            trace.add(subHandleValid
                    ? name() + ": remappable, handle " + handle + ", sub-handle " + (data & 0xFFFF) + ", index " + index
                    : name() + ": remappable, handle " + handle + ", index " + index);
        }
        if (index >= table.length) {
            if (trace != null) {
                trace.add("index " + index + " is beyond the table's " + table.length + " entries: fault 0x21");
            }
            return Translation.blocked(FaultReason.VTD_INDEX_BEYOND_TABLE);
        }
        VtdRemapEntry entry = table[index];
        if (entry == null || !entry.present()) {
            if (trace != null) {
                trace.add("entry " + index + " is not present: fault 0x22");
            }
            return Translation.blocked(FaultReason.VTD_ENTRY_NOT_PRESENT);
        }
        if (!entry.accepts(requester)) {
            if (trace != null) {
                trace.add("entry " + index + ": " + entry.sourceValidationLabel() + " does not match " + requester + ": fault 0x26");
            }
            return Translation.blocked(FaultReason.VTD_SOURCE_VALIDATION);
        }
        if (trace != null) {
            trace.add("entry " + index + ": " + entry.sourceValidationLabel() + " matches");
        }
        return new Translation.Remapped(index, entry);
    }

    @Override
    Optional<RemapEntry> entry(RequesterId requester, int index) {
        return index >= 0 && index < table.length ? Optional.ofNullable(table[index]) : Optional.empty();
    }

    @Override
    boolean passesCompatibility() {
        return model.compatAllowed();
    }

    @Override
    List<Message> lowestMessagesToEntries(RequesterId requester) {
        List<Message> lowest = new ArrayList<>();
        for (int index = indices.nextUsed(0); index >= 0; index = indices.nextUsed(index + 1)) {
            VtdRemapEntry entry = table[index];
            if (entry != null && entry.present() && entry.accepts(requester)) {
                lowest.add(Message.of(lowestAddressTo(index), lowestDataTo(index)));
            }
        }
        return lowest;
    }

    @Override
    EntryReach entryReach(Router router, ToIntFunction<Delivery> owner) {
        EntryRuns runs = new EntryRuns();
        for (int index = indices.nextUsed(0); index >= 0; index = indices.nextUsed(index + 1)) {
            VtdRemapEntry entry = table[index];
            if (entry != null && entry.present()) {
                int landsOn = owner.applyAsInt(router.throughEntry(entry));
                if (landsOn >= 0) {
                    runs.add(entry, landsOn, lowestAddressTo(index), lowestDataTo(index));
                }
            }
        }
        return runs;
    }

    /**
     * Entry e is selected by the handle alone (sub-handle invalid, handle e, data ignored) or by
     * handle 0 with sub-handle e; the lower of the two messages wins. Their addresses differ in the
     * sub-handle-valid bit, so the addresses decide. Bits 1:0 stay clear.
     */
    private static boolean lowestByHandle(int index) {
        return Long.compareUnsigned(Message.remappableAddress(index), Message.remappableAddress(0) | Message.SUB_HANDLE_VALID) < 0;
    }

    private static long lowestAddressTo(int index) {
        return lowestByHandle(index) ? Message.remappableAddress(index) : Message.remappableAddress(0) | Message.SUB_HANDLE_VALID;
    }

    private static int lowestDataTo(int index) {
        return lowestByHandle(index) ? 0 : index;
    }

    @Override
    void forEachAllocated(EntryVisitor visitor) {
        for (int index = indices.nextUsed(0); index >= 0; index = indices.nextUsed(index + 1)) {
            visitor.visit(Optional.empty(), index, Optional.ofNullable(table[index]));
        }
    }

}
