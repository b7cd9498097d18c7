package dev.irqtopo.runtime;

import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.runtime.remap.BlockAllocator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.ToIntFunction;

/**
 * AMD-Vi interrupt remapping: one table per requester id (segment included), shared by every device
 * and sub-device that carries it. The message's data selects the entry.
 */
final class AmdViRemapDomain extends RemapDomain {

    /** Linux switches to 2K mode, and marks its messages, when the tables have 2048 entries. */
    private static final int TWO_K_ENTRIES = 2048;

    /** Sorted for snapshots; concurrent because firing looks tables up without the lock while a change may add one. */
    private final Map<RequesterId, Table> tables = new ConcurrentSkipListMap<>();

    AmdViRemapDomain(IommuModel model) {
        super(model);
    }

    private static final class Table {
        final BlockAllocator indices;
        final AmdViRemapEntry[] entries;

        Table(int size) {
            indices = new BlockAllocator(size);
            entries = new AmdViRemapEntry[size];
        }
    }

    @Override
    Errno exhausted() {
        return Errno.ENOSPC;
    }

    @Override
    int allocate(RequesterId requester, int count, Journal journal) {
        Table table = tables.computeIfAbsent(requester, rid -> new Table(model.entries()));
        int base = table.indices.allocate(count);
        if (base >= 0) {
            journal.record(() -> table.indices.free(base, count));
        }
        return base;
    }

    @Override
    void program(RequesterId requester, int index, int vector, int apicId, Optional<PostedTarget> posted, Journal journal) {
        AmdViRemapEntry[] entries = tables.get(requester).entries;
        AmdViRemapEntry previous = entries[index];
        entries[index] = AmdViRemapEntry.enabled(vector, apicId);
        journal.record(() -> entries[index] = previous);
    }

    @Override
    Message compose(int base, int i) {
        return Message.amdVi(base + i, model.entries() == TWO_K_ENTRIES);
    }

    @Override
    boolean posts() {
        return false;
    }

    @Override
    Translation translate(RequesterId requester, long address, int data, List<String> trace) {
        int index = data & 0x7FF;
        if (trace != null) {
            trace.add(name() + ": table of " + requester + ", index " + index + " (data bits 10:0)");
        }
        Table table = tables.get(requester);
        if (index >= model.entries()) {
            if (trace != null) {
                trace.add("index " + index + " is beyond the table's " + model.entries() + " entries: IO_PAGE_FAULT");
            }
            return Translation.blocked(FaultReason.AMDVI_IO_PAGE_FAULT);
        }
        AmdViRemapEntry entry = table == null ? null : table.entries[index];
        if (entry == null || !entry.remapEnabled()) {
            if (trace != null) {
                trace.add("entry " + index + " is not remap-enabled: IO_PAGE_FAULT");
            }
            return Translation.blocked(FaultReason.AMDVI_IO_PAGE_FAULT);
        }
        if (trace != null) {
            trace.add("entry " + index + ": remap-enabled");
        }
        return new Translation.Remapped(index, entry);
    }

    @Override
    Optional<RemapEntry> entry(RequesterId requester, int index) {
        Table table = tables.get(requester);
        return table == null || index < 0 || index >= table.entries.length
                ? Optional.empty() : Optional.ofNullable(table.entries[index]);
    }

    /** Any address in the interrupt range will do, so the lowest is 0xFEE00000 with data = index. */
    @Override
    List<Message> lowestMessagesToEntries(RequesterId requester) {
        List<Message> lowest = new ArrayList<>();
        Table table = tables.get(requester);
        if (table != null) {
            for (int index = table.indices.nextUsed(0); index >= 0; index = table.indices.nextUsed(index + 1)) {
                AmdViRemapEntry entry = table.entries[index];
                if (entry != null && entry.remapEnabled()) {
                    lowest.add(Message.of(Message.INTERRUPT_BASE, index));
                }
            }
        }
        return lowest;
    }

    @Override
    boolean passesCompatibility() {
        return false;
    }

    /** Each table is its requester id's alone, so its entries form runs of their own, found by the requester id. */
    @Override
    EntryReach entryReach(Router router, ToIntFunction<Delivery> owner) {
        Map<RequesterId, EntryRuns> byTable = new HashMap<>();
        tables.forEach((requester, table) -> {
            EntryRuns runs = new EntryRuns();
            for (int index = table.indices.nextUsed(0); index >= 0; index = table.indices.nextUsed(index + 1)) {
                AmdViRemapEntry entry = table.entries[index];
                if (entry != null && entry.remapEnabled()) {
                    int landsOn = owner.applyAsInt(router.throughEntry(entry));
                    if (landsOn >= 0) {
                        runs.add(null, landsOn, Message.INTERRUPT_BASE, index);
                    }
                }
            }
            byTable.put(requester, runs);
        });
        return (requester, lowest) -> {
            EntryRuns runs = byTable.get(requester);
            if (runs != null) {
                runs.offerTo(requester, lowest);
            }
        };
    }

    @Override
    void forEachAllocated(EntryVisitor visitor) {
        tables.forEach((requester, table) -> {
            for (int index = table.indices.nextUsed(0); index >= 0; index = table.indices.nextUsed(index + 1)) {
                visitor.visit(Optional.of(requester), index, Optional.ofNullable(table.entries[index]));
            }
        });
    }
}
