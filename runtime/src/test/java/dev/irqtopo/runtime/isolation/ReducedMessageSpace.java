package dev.irqtopo.runtime.isolation;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.IommuKind;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.runtime.Kernel;
import dev.irqtopo.runtime.PlatformSnapshot;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.testing.ReferenceHardware;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The messages worth firing from one device of one booted platform: a finite set that holds, for every
 * victim, the lowest breaching message (by address, then data) of the whole space of 2^64 addresses and
 * 2^32 data, plus the boundaries around every class so that each decoding rule is exercised on both sides.
 *
 * <p><b>Why the lowest breaching message is in the set.</b> Let a device's decoder be fixed (its unit,
 * remapping on or off, the APIC mode). Walk the address space in increasing order:
 * <ol>
 *   <li>Below 0xFEE00000, and above 0xFEEFFFFF, every write is a memory write, except AMD's
 *       HyperTransport window 0xFD_F800_0000..0xFD_F8FF_FFFF behind an AMD-Vi unit with remapping on.
 *       AMD-Vi ignores the address, so a message in that window does exactly what the same data does at
 *       0xFEE00000, which is lower: the window never holds a lowest message. The set fires both edges of
 *       each range and of the window, and one address with address_hi set.</li>
 *   <li>Compatibility decoding (no remapping for the device; or VT-d in xAPIC mode with
 *       {@code compat allowed} and address bit 4 clear) reads only address bits 19:12 (destination),
 *       data bits 10:8 (delivery mode) and 7:0 (vector); everything else is ignored. So the lowest message
 *       of a (destination, mode, vector) class is address 0xFEE00000 | destination &lt;&lt; 12, data
 *       mode &lt;&lt; 8 | vector. A destination no host CPU has reaches nobody in any mode, so only the
 *       destinations that exist (APIC IDs up to 0xFE) and the broadcast 0xFF can breach. On a CPU the
 *       fixed vector v hits the host when v &lt; 0x10 or nobody owns it, and otherwise the owner's kernel
 *       (a forwarded vector's guest): vector 0 is the host's lowest, every other victim's lowest is an
 *       owned vector; a fixed broadcast hits the host and the owners of v on every CPU. Lowest priority
 *       (001) and the reserved 011 and 110 hit what fixed does, or for a broadcast a subset of it (one
 *       CPU), with larger data; special modes (010, 100, 101, 111) hit only the host, which vector 0 in
 *       fixed mode already hits with smaller data. So every lowest compatibility message is
 *       (0xFEE00000 | d &lt;&lt; 12, v) with d an existing destination or 0xFF and v in {0} and the owned
 *       vectors; and the special modes that reach the host are seen by firing each of them to each such
 *       d. All of those are in the set.</li>
 *   <li>Where the host's profile decodes logical destinations (the Linux profiles), address bit 2 set
 *       makes the 8-bit destination a logical one, naming the CPUs whose logical id shares a bit with it
 *       (x2APIC: cluster 0); 0xFF stays the broadcast. Every destination naming a CPU holds the lowest
 *       bit of that CPU's logical id, which alone names exactly the CPUs holding that bit, so a single
 *       bit d is the lowest logical destination reaching whatever a CPU it names reaches, in fixed mode;
 *       a destination naming several CPUs reaches only what its single bits reach, at higher addresses;
 *       lowest priority to a set reaches one CPU of it. So every lowest logical message is
 *       (0xFEE00004 | d &lt;&lt; 12, v) with d a single bit and v in {0} and the owned vectors; the set
 *       fires those, the special modes to each, and a few destinations of several bits (and none) with
 *       fewer vectors to exercise multicasts.</li>
 *   <li>VT-d remappable format (address bit 4 set): sub-handle valid (bit 3) with data bits 31:16 set
 *       faults 0x20; otherwise the outcome depends only on the index (handle = address bits 19:5 with
 *       bit 2 as bit 15, plus data 15:0 when bit 3 is set), and only a present entry can breach. The
 *       lowest message of index i: 0xFEE00010/0 for i = 0; 0xFEE00014/0 (handle 0x8000 without
 *       sub-handle) for i = 0x8000; else 0xFEE00018 (handle 0, sub-handle valid) with data i, below any
 *       handle's own address 0xFEE00000 | i &lt;&lt; 5 | 0x10. The set fires, for every allocated index
 *       (present or not) and its successor, the table's last index, its size and the handle-bit-15
 *       boundaries, the handle without sub-handle, handle 0 with sub-handle i, the handle with
 *       sub-handle 0 and with the sub-handle that wraps to index 0, and data 31:16 set.</li>
 *   <li>AMD-Vi ignores the address within the range; data bits 10:0 are the index, and with at most
 *       512 entries data bits 10:8 are also the type (only 000 and 001 are remapped). The lowest message
 *       of entry e is 0xFEE00000 with data e (its type is then 000 or 001 by construction). The set fires
 *       every allocated index of the unit's tables (the device's own is the one of the requester id the
 *       unit sees) and its successor, the type and 2K boundaries 0xFF, 0x100, 0x1FF, 0x200, 0x3FF, 0x400, 0x7FF, the table's
 *       last index and size, every type 000..111, data bits 31:11 set, and other addresses of the range
 *       and of the HyperTransport window.</li>
 * </ol>
 * Victims and lowest messages are those of the device's own decoder; every device also gets a thin
 * slice of the other formats, to show what its decoder makes of them.
 */
final class ReducedMessageSpace {

    private static final long BASE = Message.INTERRUPT_BASE;
    private static final long LIMIT = Message.INTERRUPT_LIMIT;
    private static final long HT_BASE = ReferenceHardware.HT_BASE;
    private static final long HT_LIMIT = ReferenceHardware.HT_LIMIT;
    private static final long REMAPPABLE = 1L << 4;
    private static final long SUB_HANDLE_VALID = 1L << 3;
    /** Compatibility format: the destination mode bit, set for a logical destination. */
    private static final long LOGICAL = 1L << 2;

    /** Architectural vector boundaries: illegal below 0x10, first and last device vectors, system call, system vectors. */
    private static final int[] BOUNDARY_VECTORS = {0x00, 0x01, 0x0f, 0x10, 0x1f, 0x20, 0x21, 0x7f, 0x80, 0x81, 0xeb, 0xec, 0xfe, 0xff};
    /** Just outside the interrupt range and around the HyperTransport window and AMD's reserved range. */
    private static final long[] OUTSIDE = {0L, BASE - 4, BASE - 1, LIMIT + 1, LIMIT + 4, 1L << 32 | BASE,
            0xFD_0000_0000L, HT_BASE - 1, HT_LIMIT + 1, 0xFF_FFFF_FFFFL, 0x100_0000_0000L, -1L};
    private static final int[] SPECIAL_MODES = {0b010, 0b100, 0b101, 0b111};
    private static final int[] FIXED_LIKE_MODES = {0b001, 0b011, 0b110};

    private ReducedMessageSpace() {
    }

    /** The messages {@code device} is made to emit, in increasing order, without repeats. */
    static List<Message> of(PlatformModel model, PlatformSnapshot snapshot, DeviceModel device) {
        TreeSet<Message> messages = new TreeSet<>();
        for (long address : OUTSIDE) {
            messages.add(Message.of(address, 0));
            messages.add(Message.of(address, 0x21));
        }
        // the last byte of the interrupt range and of the HyperTransport window, whatever the unit
        for (long address : new long[] {LIMIT, HT_LIMIT}) {
            messages.add(Message.of(address, 0));
            messages.add(Message.of(address, 0x21));
        }
        Optional<IommuModel> unit = model.iommuCovering(device).filter(IommuModel::remapping);
        boolean compatibilityDecoded = unit.isEmpty()
                || unit.get().kind() == IommuKind.VTD && model.cpu().apic() == ApicMode.XAPIC && unit.get().compatAllowed();
        if (compatibilityDecoded) {
            compatibility(model, snapshot, messages);
            if (model.hostKernel().decodesLogicalDestinations()) {
                logical(snapshot, messages);
            }
        } else {
            compatibilitySlice(model, messages);
        }
        if (unit.isPresent() && unit.get().kind() == IommuKind.VTD) {
            vtd(unit.get().entries(), allocated(snapshot, unit.get().name()), messages);
        } else {
            vtdSlice(messages);
        }
        if (unit.isPresent() && unit.get().kind() == IommuKind.AMDVI) {
            amdVi(unit.get().entries(), allocated(snapshot, unit.get().name()), messages);
        } else {
            amdViSlice(messages);
        }
        return new ArrayList<>(messages);
    }

    // ---- compatibility format

    private static void compatibility(PlatformModel model, PlatformSnapshot snapshot, TreeSet<Message> messages) {
        TreeSet<Integer> present = new TreeSet<>();
        for (int apicId : model.cpu().apicIds()) {
            if (apicId < 0xff) {
                present.add(apicId);
            }
        }
        // every destination that exists, 0xFF, their neighbours, the low byte of each wider APIC ID (a
        // destination nobody has unless it is also a real one), both ends, and the lowest missing one
        TreeSet<Integer> destinations = new TreeSet<>(List.of(0, 0xfe, 0xff));
        for (int apicId : model.cpu().apicIds()) {
            int low = apicId & 0xff;
            destinations.add(low);
            destinations.add(low - 1 & 0xff);
            destinations.add(low + 1 & 0xff);
        }
        destinations.add(lowestMissing(present));

        // vector 0, the boundaries, every vector a host CPU has allocated or owned and its neighbours,
        // and the lowest device vector that no CPU has
        TreeSet<Integer> vectors = new TreeSet<>();
        for (int v : BOUNDARY_VECTORS) {
            vectors.add(v);
        }
        TreeSet<Integer> owned = hostVectors(snapshot);
        for (int v : owned) {
            vectors.add(v);
            vectors.add(v - 1 & 0xff);
            vectors.add(v + 1 & 0xff);
        }
        for (int v = 0x21; v <= 0xeb; v++) {
            if (!owned.contains(v)) {
                vectors.add(v);
                break;
            }
        }
        int someOwned = owned.isEmpty() ? 0x21 : owned.first();
        List<Integer> fewVectors = List.of(0, 0x10, someOwned, 0xff);

        for (int destination : destinations) {
            long address = BASE | (long) destination << 12;
            for (int v : vectors) {
                messages.add(Message.of(address, v));
            }
            for (int mode : SPECIAL_MODES) {
                for (int v : List.of(0, someOwned, 0xff)) {
                    messages.add(Message.of(address, mode << 8 | v));
                }
            }
            for (int mode : FIXED_LIKE_MODES) {
                // lowest priority to the broadcast picks one CPU: try it on every vector there
                for (int v : destination == 0xff && mode == 0b001 ? vectors : fewVectors) {
                    messages.add(Message.of(address, mode << 8 | v));
                }
            }
        }
        // ignored fields on a real destination and on the broadcast: address bits 11:0 but bit 4, data bits 31:11
        List<Integer> shown = new ArrayList<>(List.of(0xff));
        if (!present.isEmpty()) {
            shown.add(present.first());
        }
        for (int destination : shown) {
            long address = BASE | (long) destination << 12;
            for (long ignored : new long[] {0x1, 0x3, 0x4, 0x8, 0xc, 0x20, 0xfe0, 0xfec, 0xfef}) {
                messages.add(Message.of(address | ignored, someOwned));
                messages.add(Message.of(address | ignored, 0b100 << 8));
            }
            for (int ignored : new int[] {0x800, 0x4000, 0x8000, 0xc000, 0x10000, 0xffff0000, 0xfffff800}) {
                messages.add(Message.of(address, someOwned | ignored));
                messages.add(Message.of(address, ignored));
                messages.add(Message.of(address, 0b101 << 8 | ignored));
            }
        }
    }

    /**
     * Logical destinations, address bit 2 set: every single bit with every vector of interest, the
     * special and fixed-like modes to each, and destinations of several bits or none.
     */
    private static void logical(PlatformSnapshot snapshot, TreeSet<Message> messages) {
        TreeSet<Integer> vectors = new TreeSet<>();
        for (int v : BOUNDARY_VECTORS) {
            vectors.add(v);
        }
        TreeSet<Integer> owned = hostVectors(snapshot);
        vectors.addAll(owned);
        int someOwned = owned.isEmpty() ? 0x21 : owned.first();
        List<Integer> fewVectors = List.of(0, 0x10, someOwned, 0xff);
        for (int destination = 0; destination <= 0xff; destination++) {
            boolean single = Integer.bitCount(destination) == 1;
            boolean several = destination == 0 || destination == 0x03 || destination == 0x05 || destination == 0x0f
                    || destination == 0x30 || destination == 0xc0 || destination == 0xfe || destination == 0xff;
            if (!single && !several) {
                continue;
            }
            long address = BASE | (long) destination << 12 | LOGICAL;
            for (int v : single ? vectors : new TreeSet<>(fewVectors)) {
                messages.add(Message.of(address, v));
            }
            for (int mode : SPECIAL_MODES) {
                messages.add(Message.of(address, mode << 8));
            }
            for (int mode : FIXED_LIKE_MODES) {
                for (int v : fewVectors) {
                    messages.add(Message.of(address, mode << 8 | v));
                }
            }
        }
    }

    /** What a unit that blocks compatibility format, or does not read it, makes of a few such messages. */
    private static void compatibilitySlice(PlatformModel model, TreeSet<Message> messages) {
        TreeSet<Integer> present = new TreeSet<>();
        for (int apicId : model.cpu().apicIds()) {
            if (apicId < 0xff) {
                present.add(apicId);
            }
        }
        List<Integer> destinations = new ArrayList<>(List.of(0xff, lowestMissing(present)));
        if (!present.isEmpty()) {
            destinations.add(present.first());
        }
        for (int destination : destinations) {
            long address = BASE | (long) destination << 12;
            for (int v : BOUNDARY_VECTORS) {
                messages.add(Message.of(address, v));
            }
            for (int mode = 1; mode < 8; mode++) {
                messages.add(Message.of(address, mode << 8));
                messages.add(Message.of(address, mode << 8 | 0x21));
            }
            messages.add(Message.of(address | 0xfe0, 0x21));
            messages.add(Message.of(address, 0xffff0021));
        }
    }

    // ---- VT-d remappable format

    private static void vtd(int entries, TreeSet<Integer> allocated, TreeSet<Message> messages) {
        TreeSet<Integer> indices = new TreeSet<>(List.of(0, 1, entries - 1, entries, entries + 1, 0x7fff, 0x8000, 0x8001, 0xfffe, 0xffff));
        for (int e : allocated) {
            indices.add(e);
            indices.add(e + 1);
        }
        indices.removeIf(i -> i > 0xffff);
        for (int i : indices) {
            long handle = handleAddress(i);
            messages.add(Message.of(handle, 0));
            messages.add(Message.of(handle, -1)); // without sub-handle, data is ignored
            messages.add(Message.of(handle | 0x3, 0)); // bits 1:0 are ignored
            messages.add(Message.of(handleAddress(0) | SUB_HANDLE_VALID, i));
            messages.add(Message.of(handle | SUB_HANDLE_VALID, 0));
            messages.add(Message.of(handle | SUB_HANDLE_VALID, -i & 0xffff)); // wraps to index 0
            messages.add(Message.of(handle | SUB_HANDLE_VALID, 1 << 16));
            messages.add(Message.of(handle | SUB_HANDLE_VALID, 0x8000_0000 | i));
        }
        messages.add(Message.of(handleAddress(0xffff) | SUB_HANDLE_VALID, 1));
        messages.add(Message.of(handleAddress(0xffff) | SUB_HANDLE_VALID, 0xffff));
    }

    /** A few remappable messages for devices VT-d does not remap. */
    private static void vtdSlice(TreeSet<Message> messages) {
        for (int i : new int[] {0, 1, 0x8000}) {
            messages.add(Message.of(handleAddress(i), 0));
            messages.add(Message.of(handleAddress(0) | SUB_HANDLE_VALID, i));
            messages.add(Message.of(handleAddress(i) | SUB_HANDLE_VALID, 1 << 16));
        }
    }

    /** Handle bits 14:0 in address bits 19:5, bit 15 in address bit 2, the remappable-format bit 4; sub-handle valid clear. */
    private static long handleAddress(int handle) {
        return BASE | (long) (handle & 0x7fff) << 5 | REMAPPABLE | (long) (handle >>> 15 & 1) << 2;
    }

    // ---- AMD-Vi

    private static void amdVi(int entries, TreeSet<Integer> allocated, TreeSet<Message> messages) {
        TreeSet<Integer> indices = new TreeSet<>(List.of(0, 1, entries - 1, entries, 0xff, 0x100, 0x1ff, 0x200, 0x3ff, 0x400, 0x7ff));
        for (int e : allocated) {
            indices.add(e);
            indices.add(e + 1);
        }
        indices.removeIf(i -> i > 0x7ff);
        for (int i : indices) {
            messages.add(Message.of(BASE, i));
            messages.add(Message.of(BASE, i | 0x800));
            messages.add(Message.of(BASE, i | 0xffff_f800));
            for (long address : new long[] {BASE | 0x4, BASE | 0x18, LIMIT - 3, LIMIT, HT_BASE, HT_LIMIT - 3}) {
                messages.add(Message.of(address, i));
            }
        }
        for (int type = 0; type < 8; type++) {
            messages.add(Message.of(BASE, type << 8));
            messages.add(Message.of(BASE, type << 8 | 1));
            messages.add(Message.of(BASE, type << 8 | 0xff));
            messages.add(Message.of(HT_BASE, type << 8));
        }
    }

    /** The HyperTransport window and data-only messages for devices AMD-Vi does not remap. */
    private static void amdViSlice(TreeSet<Message> messages) {
        for (long address : new long[] {HT_BASE, HT_BASE | 0x18, HT_LIMIT - 3}) {
            messages.add(Message.of(address, 0));
            messages.add(Message.of(address, 0x21));
        }
    }

    // ---- what the platform holds

    /**
     * The indices allocated (present or not) in any table of a unit: for AMD-Vi those of every requester
     * id's table, so that an entry filed under the wrong requester id is fired at all the same.
     */
    private static TreeSet<Integer> allocated(PlatformSnapshot snapshot, String iommu) {
        TreeSet<Integer> indices = new TreeSet<>();
        for (PlatformSnapshot.EntryState entry : snapshot.entries()) {
            if (entry.iommu().equals(iommu)) {
                indices.add(entry.index());
            }
        }
        return indices;
    }

    /** The vectors some host CPU has allocated or an interrupt owns. */
    private static TreeSet<Integer> hostVectors(PlatformSnapshot snapshot) {
        TreeSet<Integer> vectors = new TreeSet<>();
        for (PlatformSnapshot.KernelState kernel : snapshot.kernels()) {
            if (kernel.kernel().equals(Kernel.HOST)) {
                kernel.vectors().forEach(v -> vectors.add(v.vector()));
            }
        }
        return vectors;
    }

    private static int lowestMissing(TreeSet<Integer> present) {
        int d = 0;
        while (present.contains(d)) {
            d++;
        }
        return d;
    }
}
