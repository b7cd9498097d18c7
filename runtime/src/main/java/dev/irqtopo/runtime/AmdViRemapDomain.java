package dev.irqtopo.runtime;

import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.runtime.remap.BlockAllocator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

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
            trace.add(String.format("%s: table of %s, index %d (data bits 10:0)", name(), requester, index));
        }
        Table table = tables.get(requester);
        if (index >= model.entries()) {
            if (trace != null) {
                trace.add(String.format("index %d is beyond the table's %d entries: IO_PAGE_FAULT", index, model.entries()));
            }
            return Translation.blocked(FaultReason.AMDVI_IO_PAGE_FAULT);
        }
        AmdViRemapEntry entry = table == null ? null : table.entries[index];
        if (entry == null || !entry.remapEnabled()) {
            if (trace != null) {
                trace.add(String.format("entry %d is not remap-enabled: IO_PAGE_FAULT", index));
            }
            return Translation.blocked(FaultReason.AMDVI_IO_PAGE_FAULT);
        }
        if (trace != null) {
            trace.add(String.format("entry %d: remap-enabled", index));
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
    void forEachAllocated(EntryVisitor visitor) {
        tables.forEach((requester, table) -> {
            for (int index = table.indices.nextUsed(0); index >= 0; index = table.indices.nextUsed(index + 1)) {
                visitor.visit(Optional.of(requester), index, Optional.ofNullable(table.entries[index]));
            }
        });
    }
}
