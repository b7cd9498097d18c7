package dev.irqtopo.runtime.isolation;

import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.IommuKind;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.runtime.Message;
import dev.irqtopo.runtime.PlatformSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The messages worth firing from one device of one booted platform: a finite set that contains, for
 * every class of messages the hardware cannot tell apart, that class's lowest message (by address,
 * then data), plus neighbours and representatives of what lies beyond.
 *
 * <p>Why this is enough. A message's fate depends only on these bits (semantics section 6):
 * <ul>
 *   <li>Outside 0xFEE00000..0xFEEFFFFF every message is a memory write: one class, represented by a
 *       few addresses on both sides and with address_hi set.</li>
 *   <li>Decoded in compatibility format (no remapping; VT-d with bit 4 clear): only address bits 19:12
 *       (the destination) and data bits 7:0 (the vector) count. Destinations no CPU has all reach
 *       nobody; on one CPU every vector nobody owns is the same victim (the host). So the class minima
 *       are address 0xFEE00000 | destination &lt;&lt; 12 with data = vector 0 and every owned vector.
 *       Fired: every destination byte a host CPU has (an x2APIC ID's low byte too, which aliases),
 *       its neighbours, 0, 0xFF and the lowest unused byte; vectors 0, every vector any host CPU
 *       has allocated and its neighbours, and the architectural boundaries (0x0F/0x10 illegal,
 *       0x1F..0x21 first device vector, 0x80 system call, 0xEB/0xEC last device vector, 0xFF); for a
 *       few of them the ignored bits set (address 11:0, data 31:8) to show they are ignored.</li>
 *   <li>VT-d remappable format (bit 4 set): the outcome depends on the entry index alone, or is
 *       fault 0x20 when sub-handle valid (bit 3) meets data bits 31:16 not zero. The index is the
 *       handle (address 19:5 and bit 2) without sub-handle, else handle + data 15:0 modulo 65536. So
 *       the classes are the indices 0..entries-1 plus "beyond the table" and 0x20; the lowest
 *       message for index e is handle e with data 0 or handle 0 with sub-handle e. Fired: handles
 *       0..entries+1 and 0x7FFF, 0x8000, 0x8001, 0xFFFE, 0xFFFF (bit 2), both sub-handle-valid
 *       values, bits 1:0 clear and set; without sub-handle data 0 and all ones; with it every
 *       sub-handle that makes index 0..entries+1 from that handle (wrapping included), 0..entries+1
 *       and 0xFFFF, and for fault 0x20 data 31:16 = 0x0001, 0x8000, 0xFFFF.</li>
 *   <li>AMD-Vi: only data bits 10:0 (the index into the device's table) count; classes are the
 *       indices 0..entries-1 and "beyond", the lowest message is 0xFEE00000 with data = index.
 *       Fired: indices 0..entries+1, 0x7FE, 0x7FF, each with data 31:11 clear, bit 11 set and all
 *       set, at 0xFEE00000, with the 2K-mode bit 2, with bits 4:3 and at 0xFEEFFFFF.</li>
 * </ul>
 * Every device gets the compatibility set and a small remappable set whatever its unit, so each mode
 * also shows what it makes of the others' messages.
 */
final class ReducedMessageSpace {

    private static final long BASE = Message.INTERRUPT_BASE;
    private static final int[] BOUNDARY_VECTORS = {0x00, 0x01, 0x0f, 0x10, 0x1f, 0x20, 0x21, 0x7f, 0x80, 0x81, 0xeb, 0xec, 0xfe, 0xff};
    private static final long[] OUTSIDE = {0L, BASE - 4, BASE - 1, Message.INTERRUPT_LIMIT + 1, 1L << 32 | BASE, -1L};

    private ReducedMessageSpace() {
    }

    /** The messages of {@code device} to fire, in increasing order, without repeats. */
    static List<Message> of(PlatformModel model, PlatformSnapshot snapshot, DeviceModel device) {
        TreeSet<Message> messages = new TreeSet<>();
        for (long address : OUTSIDE) {
            messages.add(Message.of(address, 0));
            messages.add(Message.of(address, 0x21));
        }
        compatibility(model, snapshot, messages);
        Optional<IommuModel> unit = model.iommuCovering(device).filter(IommuModel::remapping);
        if (unit.isPresent() && unit.get().kind() == IommuKind.VTD) {
            vtdRemappable(unit.get().entries(), messages);
        } else {
            vtdRemappable(1, messages);
        }
        if (unit.isPresent() && unit.get().kind() == IommuKind.AMDVI) {
            amdVi(unit.get().entries(), messages);
        }
        return new ArrayList<>(messages);
    }

    private static void compatibility(PlatformModel model, PlatformSnapshot snapshot, TreeSet<Message> messages) {
        TreeSet<Integer> destinations = new TreeSet<>(List.of(0, 0xff));
        boolean[] held = new boolean[256];
        for (int apicId : model.cpu().apicIds()) {
            held[apicId & 0xff] = true;
            for (int d = (apicId & 0xff) - 1; d <= (apicId & 0xff) + 1; d++) {
                destinations.add(d & 0xff);
            }
        }
        for (int d = 0; d < 256; d++) {
            if (!held[d]) {
                destinations.add(d);
                break;
            }
        }
        TreeSet<Integer> vectors = new TreeSet<>();
        for (int v : BOUNDARY_VECTORS) {
            vectors.add(v);
        }
        TreeSet<Integer> allocated = new TreeSet<>();
        for (PlatformSnapshot.KernelState kernel : snapshot.kernels()) {
            if (kernel.kernel().equals("host")) {
                for (PlatformSnapshot.VectorState v : kernel.vectors()) {
                    allocated.add(v.vector());
                    for (int n = v.vector() - 1; n <= v.vector() + 1; n++) {
                        vectors.add(n & 0xff);
                    }
                }
            }
        }
        int someVector = allocated.isEmpty() ? 0x21 : allocated.first();
        for (int destination : destinations) {
            long address = BASE | (long) destination << 12;
            for (int vector : vectors) {
                messages.add(Message.of(address, vector));
            }
            for (long ignored : new long[] {0x3, 0xc, 0xfe0, 0xfe3}) {
                messages.add(Message.of(address | ignored, someVector));
            }
            for (int ignored : new int[] {0x100, 0x4000, 0xffff0000, 0xffffff00}) {
                messages.add(Message.of(address, someVector | ignored));
            }
        }
    }

    private static void vtdRemappable(int entries, TreeSet<Message> messages) {
        List<Integer> handles = new ArrayList<>();
        for (int h = 0; h <= entries + 1; h++) {
            handles.add(h);
        }
        handles.addAll(List.of(0x7fff, 0x8000, 0x8001, 0xfffe, 0xffff));
        for (int handle : handles) {
            long address = BASE | (long) (handle & 0x7fff) << 5 | 1L << 4 | (long) (handle >> 15) << 2;
            long withSubHandle = address | 1L << 3;
            int toIndexZero = -handle & 0xffff;
            messages.add(Message.of(address, 0));
            messages.add(Message.of(address, -1));
            messages.add(Message.of(address | 3, 0));
            messages.add(Message.of(withSubHandle | 3, toIndexZero));
            TreeSet<Integer> subHandles = new TreeSet<>(List.of(0xffff));
            for (int i = 0; i <= entries + 1; i++) {
                subHandles.add(i);
                subHandles.add(i - handle & 0xffff);
            }
            for (int subHandle : subHandles) {
                messages.add(Message.of(withSubHandle, subHandle));
            }
            for (int high : new int[] {0x0001, 0x8000, 0xffff}) {
                messages.add(Message.of(withSubHandle, high << 16));
                messages.add(Message.of(withSubHandle, high << 16 | toIndexZero));
            }
        }
    }

    private static void amdVi(int entries, TreeSet<Message> messages) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i <= entries + 1; i++) {
            indices.add(i);
        }
        indices.addAll(List.of(0x7fe, 0x7ff));
        for (long address : new long[] {BASE, BASE | 1L << 2, BASE | 0x18, Message.INTERRUPT_LIMIT}) {
            for (int index : indices) {
                for (int high : new int[] {0, 0x800, 0xfffff800}) {
                    messages.add(Message.of(address, index | high));
                }
            }
        }
    }
}
