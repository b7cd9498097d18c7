package dev.irqtopo.runtime.remap;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Intel VT-d interrupt remapping: one table for the whole unit, entries bound to requesters by source
 * validation. In x2APIC mode (IRTA.EIME = 1) compatibility-format requests are blocked whatever the
 * CFI bit says; in xAPIC mode {@code compat allowed} lets them pass.
 */
public final class VtdRemapDomain extends RemapDomain {

    private final ApicMode apicMode;
    /** Whether the entries the kernel programs set the redirection hint (Linux's do). */
    private final boolean redirectionHint;
    private final BlockAllocator indices;
    private final VtdRemapEntry[] table;
    /** Per entry, the requester id (as the IOMMU sees it) of the device it was allocated for. */
    private final RequesterId[] boundTo;

    /** A unit whose kernel programs entries without the redirection hint, as the design profile does. */
    public VtdRemapDomain(IommuModel model, ApicMode apicMode) {
        this(model, apicMode, false);
    }

    /** A unit whose kernel sets the redirection hint in every entry it programs when {@code redirectionHint}. */
    public VtdRemapDomain(IommuModel model, ApicMode apicMode, boolean redirectionHint) {
        super(model);
        this.apicMode = apicMode;
        this.redirectionHint = redirectionHint;
        this.indices = new BlockAllocator(model.entries());
        this.table = new VtdRemapEntry[model.entries()];
        this.boundTo = new RequesterId[model.entries()];
    }

    @Override
    public Errno exhausted() {
        return Errno.ENOMEM;
    }

    /** A block of {@code count} rounded up to a power of two, aligned to its size; the whole block is taken. */
    @Override
    public int allocate(DeviceModel device, int count) {
        return indices.allocate(count);
    }

    /** The whole block, and the entries in it, as Linux's {@code free_irte} clears them. */
    @Override
    public void free(DeviceModel device, int base, int count) {
        int end = base + BlockAllocator.blockSize(count);
        java.util.Arrays.fill(table, base, end, null);
        java.util.Arrays.fill(boundTo, base, end, null);
        indices.free(base, count);
    }

    @Override
    public void program(DeviceModel device, int index, int vector, int destinationId, boolean logical,
                        Optional<PostedTarget> posted) {
        VtdRemapEntry entry = VtdRemapEntry.remapped(vector, destinationId, logical, redirectionHint, apicMode,
                model.sourceCheck(), device.iommuRequesterId(), device.bridge().isPresent());
        table[index] = posted.map(entry::postedTo).orElse(entry);
        boundTo[index] = device.iommuRequesterId();
    }

    /**
     * Programs entry {@code index} for writes that carry {@code requester} and sit behind no bridge, as
     * the I/O APIC's do: its requester id is the DMAR device scope's, not a PCI function's.
     */
    public void programFor(RequesterId requester, int index, int vector, int destinationId, boolean logical) {
        table[index] = VtdRemapEntry.remapped(vector, destinationId, logical, redirectionHint, apicMode,
                model.sourceCheck(), requester, false);
        boundTo[index] = requester;
    }

    /** One entry, not present until programmed: Linux's {@code alloc_irte} for a count of 1. */
    public int allocateOne() {
        return indices.allocate(1);
    }

    @Override
    public Message compose(int base, int i) {
        return Message.remappable(base, i);
    }

    @Override
    public boolean posts() {
        return model.posted();
    }

    @Override
    public Translation translate(RequesterId requester, long address, int data, List<String> trace) {
        if (!Message.isRemappable(address)) {
            return compatibility(trace);
        }
        boolean subHandleValid = Message.subHandleValid(address);
        if (subHandleValid && Message.reservedSubHandleBits(data)) {
            if (trace != null) {
                trace.add(name() + ": sub-handle valid with data bits 31:16 set: fault 0x20");
            }
            return Translation.blocked(FaultReason.VTD_RESERVED_FIELD);
        }
        int handle = Message.handle(address);
        int subHandle = Message.subHandle(data);
        // 16-bit arithmetic, as QEMU computes it
        int index = subHandleValid ? handle + subHandle & 0xFFFF : handle;
        if (trace != null) {
            trace.add(subHandleValid
                    ? name() + ": remappable, handle " + handle + ", sub-handle " + subHandle + ", index " + index
                    : name() + ": remappable, handle " + handle + ", index " + index + " (data ignored)");
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
            trace.add("entry " + index + ": " + entry.sourceValidationLabel() + " matches " + requester);
        }
        return new Translation.Remapped(index, entry);
    }

    private Translation compatibility(List<String> trace) {
        if (apicMode == ApicMode.X2APIC) {
            if (trace != null) {
                trace.add(name() + ": compatibility format in x2APIC mode (EIME = 1), always blocked: fault 0x25");
            }
            return Translation.blocked(FaultReason.VTD_COMPAT_BLOCKED);
        }
        if (!model.compatAllowed()) {
            if (trace != null) {
                trace.add(name() + ": compatibility format, blocked (CFI clear): fault 0x25");
            }
            return Translation.blocked(FaultReason.VTD_COMPAT_BLOCKED);
        }
        if (trace != null) {
            trace.add(name() + ": compatibility format, allowed (CFI set, xAPIC mode): passes untranslated");
        }
        return Translation.COMPATIBILITY;
    }

    @Override
    public Optional<RemapEntry> entry(RequesterId requester, int index) {
        return index >= 0 && index < table.length ? Optional.ofNullable(table[index]) : Optional.empty();
    }

    @Override
    public boolean passesCompatibility() {
        return apicMode == ApicMode.XAPIC && model.compatAllowed();
    }

    /**
     * Present entries in three kinds of bucket, by what their source validation accepts: one exact
     * requester id (SVT 01), one bus (SVT 10, as the engine binds bus ranges of one bus), or anyone
     * (SVT 00). A requester then asks its own bucket of each kind only.
     */
    @Override
    public EntryReach entryReach(Function<RemapEntry, int[]> victimsOf) {
        Map<RequesterId, EntryLowest> byRequester = new HashMap<>();
        Map<Long, EntryLowest> byBus = new HashMap<>();
        List<VtdRemapEntry> ranges = new ArrayList<>();
        List<EntryLowest> rangeLowest = new ArrayList<>();
        EntryLowest unchecked = new EntryLowest();
        for (int index = indices.nextUsed(0); index >= 0; index = indices.nextUsed(index + 1)) {
            VtdRemapEntry entry = table[index];
            if (entry == null || !entry.present()) {
                continue;
            }
            int[] victims = victimsOf.apply(entry);
            if (victims.length == 0) {
                continue;
            }
            EntryLowest bucket = switch (entry.svt()) {
                case REQUESTER_ID -> byRequester.computeIfAbsent(boundTo[index], rid -> new EntryLowest());
                case BUS_RANGE -> {
                    int start = entry.sid() >>> 8;
                    if (start == (entry.sid() & 0xFF)) {
                        yield byBus.computeIfAbsent(busKey(entry.segment(), start), key -> new EntryLowest());
                    }
                    EntryLowest own = new EntryLowest();
                    ranges.add(entry);
                    rangeLowest.add(own);
                    yield own;
                }
                case NONE -> unchecked;
            };
            for (int victim : victims) {
                bucket.offer(victim, lowestAddressTo(index), lowestDataTo(index), boundTo[index]);
            }
        }
        return (requester, into) -> {
            EntryLowest exact = byRequester.get(requester);
            if (exact != null) {
                exact.offerTo(requester, into, Passage.SAME_REQUESTER_ID);
            }
            EntryLowest bus = byBus.get(busKey(requester.segment(), requester.bus()));
            if (bus != null) {
                bus.offerTo(requester, into, Passage.SOURCE_BUS_ONLY);
            }
            for (int i = 0; i < ranges.size(); i++) {
                if (ranges.get(i).accepts(requester)) {
                    rangeLowest.get(i).offerTo(requester, into, Passage.SOURCE_BUS_ONLY);
                }
            }
            unchecked.offerTo(requester, into, Passage.SOURCE_UNCHECKED);
        };
    }

    private static long busKey(int segment, int bus) {
        return (long) segment << 8 | bus;
    }

    /**
     * Entry e is selected by the handle alone (sub-handle invalid, handle e, data ignored) or by
     * handle 0 with sub-handle e; the lower of the two messages wins. Their addresses differ in the
     * sub-handle-valid bit, so the addresses decide. Bits 1:0 stay clear.
     */
    private static boolean lowestByHandle(int index) {
        return Long.compareUnsigned(Message.remappableAddress(index, false), Message.remappableAddress(0, true)) < 0;
    }

    /** The lowest message selecting entry {@code index}: its address. */
    public static long lowestAddressTo(int index) {
        return lowestByHandle(index) ? Message.remappableAddress(index, false) : Message.remappableAddress(0, true);
    }

    /** The lowest message selecting entry {@code index}: its data. */
    public static int lowestDataTo(int index) {
        return lowestByHandle(index) ? 0 : index;
    }

    @Override
    public void forEachAllocated(EntryVisitor visitor) {
        for (int index = indices.nextUsed(0); index >= 0; index = indices.nextUsed(index + 1)) {
            visitor.visit(Optional.empty(), index, Optional.ofNullable(table[index]));
        }
    }
}
