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
 *
 * <p>Both views come from one computation of what is reached as a whole — each file with the lowest
 * page it is reached at and how, each MRIF with its lowest guest page, each notice identity — so that
 * {@link #lowestOfEach}, all an isolation verdict needs, never lists a file's identities one by one.
 */
public final class Reach {

    /** An MRIF records identities 0..2047, whatever the files implement. */
    private static final int LAST_MRIF_IDENTITY = 2047;

    private Reach() {
    }

    /** Every file identity and MRIF bit the device makes pending, each with its lowest write. */
    public static List<Reached> of(DeviceBus bus, DeviceContext dc, SecondStage stage) {
        Wholes wholes = wholes(bus, dc, stage);
        Map<Target, Reached> lowest = new TreeMap<>();
        ImsicGeometry geometry = bus.imsics().geometry();
        wholes.files.forEach((file, reached) -> {
            for (int identity = 1; identity <= geometry.identities(file); identity++) {
                keep(lowest, new Target.FileIdentity(file, identity), reached.via(), Message.of(reached.lowest().address(), identity));
            }
        });
        wholes.mrifs.forEach((mrif, guestPage) -> {
            for (int identity = 0; identity <= LAST_MRIF_IDENTITY; identity++) {
                keep(lowest, new Target.MrifBit(mrif, identity), Route.MRIF, Message.of(guestPage, identity));
            }
        });
        wholes.notices.forEach((target, guestPage) -> keep(lowest, target, Route.NOTICE, Message.of(guestPage, 0)));
        return new ArrayList<>(lowest.values());
    }

    /**
     * What {@link #of} gives, cut to the lowest entry of each file that is not a notice's, of each MRIF,
     * and every notice identity: within a file all identities are reached the same way, at the same page,
     * and within an MRIF all bits, so this keeps every target's owner and each owner's lowest write.
     */
    public static List<Reached> lowestOfEach(DeviceBus bus, DeviceContext dc, SecondStage stage) {
        Wholes wholes = wholes(bus, dc, stage);
        Map<Target, Reached> lowest = new TreeMap<>();
        ImsicGeometry geometry = bus.imsics().geometry();
        wholes.notices.forEach((target, guestPage) -> {
            Reached file = wholes.files.get(target.file());
            Message notice = Message.of(guestPage, 0);
            if (file == null || notice.compareTo(Message.of(file.lowest().address(), target.identity())) < 0) {
                lowest.put(target, new Reached(target, Route.NOTICE, notice));
            }
        });
        wholes.files.forEach((file, reached) -> {
            for (int identity = 1; identity <= geometry.identities(file); identity++) {
                Target.FileIdentity target = new Target.FileIdentity(file, identity);
                if (!lowest.containsKey(target)) {
                    lowest.put(target, new Reached(target, reached.via(), Message.of(reached.lowest().address(), identity)));
                    break;
                }
            }
        });
        wholes.mrifs.forEach((mrif, guestPage) -> {
            Target target = new Target.MrifBit(mrif, 0);
            lowest.put(target, new Reached(target, Route.MRIF, Message.of(guestPage, 0)));
        });
        return new ArrayList<>(lowest.values());
    }

    /**
     * What is reached as a whole: each file (as identity 1, with its lowest page and route), each MRIF
     * (its lowest guest page) and each notice identity (its lowest guest page).
     */
    private record Wholes(Map<InterruptFile, Reached> files, Map<Long, Long> mrifs, Map<Target.FileIdentity, Long> notices) {
    }

    private static Wholes wholes(DeviceBus bus, DeviceContext dc, SecondStage stage) {
        Wholes wholes = new Wholes(new TreeMap<>(), new TreeMap<>(Long::compareUnsigned), new TreeMap<>());
        ImsicGeometry geometry = bus.imsics().geometry();
        boolean flat = bus.caps().msiFlat() && dc.mode() == MsiPtMode.FLAT;
        if (flat && !dc.secondStage()) {
            return wholes;
        }
        int mgpaw = bus.caps().mgpaw();
        for (InterruptFile file : geometry.files()) {
            long page = geometry.page(file);
            if (page >>> mgpaw != 0 || !stage.permits(page)
                    || !(MsiTranslator.translate(bus.caps(), dc, page) instanceof MsiTranslation.NotMsi)) {
                continue;
            }
            keepFile(wholes, file, Route.PASS_THROUGH, page);
        }
        if (!flat) {
            return wholes;
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
                geometry.fileAt(t.address()).ifPresent(file -> keepFile(wholes, file, Route.TRANSLATED, guestPage));
            } else if (translation instanceof MsiTranslation.ToMrif m) {
                wholes.mrifs.merge(m.mrif(), guestPage, Reach::lower);
                if (bus.imsics().write(m.noticeAddress(), m.nid()) instanceof ImsicWrite.Pending p) {
                    wholes.notices.merge(new Target.FileIdentity(p.target(), p.identity()), guestPage, Reach::lower);
                }
            }
        }
        return wholes;
    }

    /** The file's identities are all reached through {@code via} at {@code address}, unless a lower page reached them. */
    private static void keepFile(Wholes wholes, InterruptFile file, Route via, long address) {
        Reached reached = new Reached(new Target.FileIdentity(file, 1), via, Message.of(address, 1));
        wholes.files.merge(file, reached, (a, b) -> a.lowest().compareTo(b.lowest()) <= 0 ? a : b);
    }

    private static Long lower(Long a, Long b) {
        return Long.compareUnsigned(a, b) <= 0 ? a : b;
    }

    private static void keep(Map<Target, Reached> lowest, Target target, Route via, Message message) {
        lowest.merge(target, new Reached(target, via, message), (a, b) -> a.lowest().compareTo(b.lowest()) <= 0 ? a : b);
    }
}
