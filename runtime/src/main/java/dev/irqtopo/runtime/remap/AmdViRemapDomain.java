package dev.irqtopo.runtime.remap;

import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;

/**
 * AMD-Vi interrupt remapping: one table per requester id as the IOMMU sees it (segment included),
 * shared by every device and sub-device that carries it, and by every device behind one bridge. The
 * message's data selects the entry. With tables of at most 512 entries data bits 10:8 are the message
 * type: only fixed and arbitrated messages are remapped; NMI, INIT and ExtINT would need the device
 * table entry's pass bits, which Linux leaves clear, and SMI and the reserved types are refused too.
 * Larger tables are Linux's 2K mode, where data bits 10:0 are the index of any message.
 */
public final class AmdViRemapDomain extends RemapDomain {

    /** Linux marks its messages (address bit 2) when the tables have 2048 entries. */
    private static final int TWO_K_ENTRIES = 2048;
    /** Tables up to this size read data bits 10:8 as the message type. */
    private static final int TYPED_ENTRIES = 512;

    /** Sorted for snapshots; concurrent because firing looks tables up without the lock while a change may add one. */
    private final Map<RequesterId, Table> tables = new ConcurrentSkipListMap<>();

    public AmdViRemapDomain(IommuModel model) {
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
    public Errno exhausted() {
        return Errno.ENOSPC;
    }

    /**
     * The lowest run of {@code count} free entries starting at a multiple of {@code count} rounded up
     * to a power of two; only the {@code count} are taken, as Linux's AMD driver marks them, so the
     * rest of the window stays free for later interrupts of the same requester id.
     */
    @Override
    public int allocate(DeviceModel device, int count) {
        Table table = tables.computeIfAbsent(device.iommuRequesterId(), rid -> new Table(model.entries()));
        return table.indices.allocateRun(count);
    }

    /** The run (the table stays, as Linux keeps a device's table), and the entries in it. */
    @Override
    public void free(DeviceModel device, int base, int count) {
        Table table = tables.get(device.iommuRequesterId());
        java.util.Arrays.fill(table.entries, base, base + count, null);
        table.indices.freeRun(base, count);
    }

    @Override
    public void program(DeviceModel device, int index, int vector, int destinationId, boolean logical,
                        Optional<PostedTarget> posted) {
        tables.get(device.iommuRequesterId()).entries[index] = AmdViRemapEntry.enabled(vector, destinationId, logical);
    }

    @Override
    public Message compose(int base, int i) {
        return Message.amdVi(base + i, model.entries() == TWO_K_ENTRIES);
    }

    @Override
    public boolean posts() {
        return false;
    }

    @Override
    public boolean decodesHyperTransportWindow() {
        return true;
    }

    @Override
    public Translation translate(RequesterId requester, long address, int data, List<String> trace) {
        if (model.entries() <= TYPED_ENTRIES) {
            int type = Message.amdViType(data);
            if (type > 1) {
                if (trace != null) {
                    trace.add(name() + ": message type " + Integer.toBinaryString(8 | type).substring(1)
                            + " (data bits 10:8) is not remapped and its pass bit is clear: INVALID_DEVICE_REQUEST");
                }
                return Translation.blocked(FaultReason.AMDVI_INVALID_DEVICE_REQUEST);
            }
        }
        int index = Message.amdViIndex(data);
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
    public Optional<RemapEntry> entry(RequesterId requester, int index) {
        Table table = tables.get(requester);
        return table == null || index < 0 || index >= table.entries.length
                ? Optional.empty() : Optional.ofNullable(table.entries[index]);
    }

    @Override
    public boolean passesCompatibility() {
        return false;
    }

    /**
     * Each table is its requester id's alone, so what it reaches is found by the requester id. Any
     * address in the interrupt range will do, so entry i's lowest message is 0xFEE00000 with data i,
     * whose type bits are 000 or 001 for every index of a table of at most 512 entries.
     */
    @Override
    public EntryReach entryReach(Function<RemapEntry, int[]> victimsOf) {
        Map<RequesterId, EntryLowest> byTable = new HashMap<>();
        tables.forEach((requester, table) -> {
            EntryLowest lowest = new EntryLowest();
            for (int index = table.indices.nextUsed(0); index >= 0; index = table.indices.nextUsed(index + 1)) {
                AmdViRemapEntry entry = table.entries[index];
                if (entry != null && entry.remapEnabled()) {
                    for (int victim : victimsOf.apply(entry)) {
                        lowest.offer(victim, Message.INTERRUPT_BASE, index, requester);
                    }
                }
            }
            byTable.put(requester, lowest);
        });
        return (requester, into) -> {
            EntryLowest lowest = byTable.get(requester);
            if (lowest != null) {
                lowest.offerTo(requester, into, Passage.SAME_REQUESTER_ID);
            }
        };
    }

    @Override
    public void forEachAllocated(EntryVisitor visitor) {
        tables.forEach((requester, table) -> {
            for (int index = table.indices.nextUsed(0); index >= 0; index = table.indices.nextUsed(index + 1)) {
                visitor.visit(Optional.of(requester), index, Optional.ofNullable(table.entries[index]));
            }
        });
    }
}
