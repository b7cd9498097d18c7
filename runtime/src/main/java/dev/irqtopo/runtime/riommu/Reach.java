package dev.irqtopo.runtime.riommu;

import dev.irqtopo.model.riscv.DeviceContext;
import dev.irqtopo.model.riscv.ImsicGeometry;
import dev.irqtopo.model.riscv.InterruptFile;
import dev.irqtopo.model.riscv.MsiPtMode;
import dev.irqtopo.model.riscv.MsiPte;
import dev.irqtopo.runtime.imsic.ImsicWrite;
import dev.irqtopo.runtime.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a device can make pending when its DMA can write any value to any guest physical address
 * below 2^MGPAW, computed from the device context and the placement rather than by trying writes:
 * <ul>
 *   <li>every interrupt file whose page is not an MSI page of the context and which the second stage
 *       permits: all its identities 1..N, lowest write (page, identity);</li>
 *   <li>every file number I whose PTE is valid: the one guest page whose number has I's bits under the
 *       mask and the pattern elsewhere (a deposit of I); in basic translate mode, if the physical page
 *       is an interrupt file, all its identities with lowest write (guest page, identity); in MRIF mode
 *       all 2048 pending bits 0..2047 of the MRIF with (guest page, identity), and the notice's identity
 *       in the file at NPPN (if that is a file implementing it) with (guest page, 0), the lowest write
 *       the MRIF records. File numbers without a valid entry, or whose entry faults, reach nothing.</li>
 * </ul>
 * Writes to seteipnum_be (offset 4) reach the same identities at a higher address, so they never give
 * the lowest write. A context whose MSI translation is misconfigured (Flat over a Bare second stage)
 * faults on every write and reaches nothing. The same target reached several ways keeps its lowest
 * write. The answer is in target order (files by hart and level, then MRIFs).
 */
public final class Reach {

    private Reach() {
    }

    public static List<Reached> of(DeviceBus bus, DeviceContext dc, SecondStage stage) {
        Map<Target, Reached> lowest = new TreeMap<>();
        ImsicGeometry geometry = bus.imsics().geometry();
        boolean flat = bus.caps().msiFlat() && dc.mode() == MsiPtMode.FLAT;
        if (flat && !dc.secondStage()) {
            return List.of();
        }
        int mgpaw = bus.caps().mgpaw();
        for (InterruptFile file : geometry.files()) {
            long page = geometry.page(file);
            if (page >>> mgpaw != 0 || !stage.permits(page)
                    || !(MsiTranslator.translate(bus.caps(), dc, page) instanceof MsiTranslation.NotMsi)) {
                continue;
            }
            allIdentities(lowest, geometry, file, Route.PASS_THROUGH, page);
        }
        if (!flat) {
            return new ArrayList<>(lowest.values());
        }
        long pages = MsiTranslator.pageMask(bus.caps());
        long mask = dc.addressMask() & pages;
        long fixed = dc.addressPattern() & ~mask & pages;
        for (Map.Entry<Long, MsiPte> entry : dc.table().entrySet()) {
            long index = entry.getKey();
            if (index >>> Long.bitCount(mask) != 0) {
                continue; // the mask bits MGPAW cuts off leave this entry unreachable
            }
            long guestPage = (fixed | Pext.deposit(index, mask)) << 12;
            MsiTranslation translation = MsiTranslator.translate(bus.caps(), dc, guestPage);
            if (translation instanceof MsiTranslation.Translated t) {
                geometry.fileAt(t.address()).ifPresent(file -> allIdentities(lowest, geometry, file, Route.TRANSLATED, guestPage));
            } else if (translation instanceof MsiTranslation.ToMrif m) {
                for (int identity = 0; identity <= 2047; identity++) {
                    keep(lowest, new Target.MrifBit(m.mrif(), identity), Route.MRIF, Message.of(guestPage, identity));
                }
                if (bus.imsics().write(m.noticeAddress(), m.nid()) instanceof ImsicWrite.Pending p) {
                    keep(lowest, new Target.FileIdentity(p.target(), p.identity()), Route.NOTICE, Message.of(guestPage, 0));
                }
            }
        }
        return new ArrayList<>(lowest.values());
    }

    private static void allIdentities(Map<Target, Reached> lowest, ImsicGeometry geometry, InterruptFile file, Route via,
            long address) {
        for (int identity = 1; identity <= geometry.identities(file); identity++) {
            keep(lowest, new Target.FileIdentity(file, identity), via, Message.of(address, identity));
        }
    }

    private static void keep(Map<Target, Reached> lowest, Target target, Route via, Message message) {
        lowest.merge(target, new Reached(target, via, message), (a, b) -> a.lowest().compareTo(b.lowest()) <= 0 ? a : b);
    }
}
