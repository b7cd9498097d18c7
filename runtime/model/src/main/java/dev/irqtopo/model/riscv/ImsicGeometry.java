package dev.irqtopo.model.riscv;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The IMSICs of all harts: how many guest files each hart has, how many identities each kind of file
 * implements, and where the pages are. Every hart has a machine-level and a supervisor-level file and
 * {@code guestFiles} guest files (GEILEN). Checked here, from the AIA's IMSIC chapter:
 * <ul>
 *   <li>a file implements N identities, N = 64k − 1 with 63 ≤ N ≤ 2047 ("Interrupt files and interrupt
 *       identities"); Linux refuses the same values ({@code imsic_setup_state}: N &lt; 63, N ≥ 2048 or
 *       N &amp; 63 ≠ 63 is -EINVAL);</li>
 *   <li>GEILEN ≤ 63 (the H extension's limit for RV64);</li>
 *   <li>the placement rules: A aligned to 2^(k+C), B to 2^(k+D), D ≥ ⌈log2(GEILEN + 1)⌉ + 12 so the
 *       guest pages fit after the S page; with groups, E ≥ k + max(C, D) and neither base has a bit in
 *       the group field, so the formulas are ORs ("Arrangement of the memory regions");</li>
 *   <li>the model's own: the machine and supervisor regions do not overlap, and every page lies below
 *       2^56.</li>
 * </ul>
 */
public record ImsicGeometry(Harts harts, int guestFiles, int machineIds, int supervisorIds, int guestIds,
        ImsicPlacement placement) {

    public static final int MIN_IDS = 63;
    public static final int MAX_IDS = 2047;
    public static final int MAX_GUEST_FILES = 63;
    public static final long PAGE = 1L << ImsicPlacement.PAGE_SHIFT;

    /** QEMU virt: {@code VIRT_IMSIC_M} base. */
    public static final long VIRT_MACHINE_BASE = 0x2400_0000L;
    /** QEMU virt: {@code VIRT_IMSIC_S} base. */
    public static final long VIRT_SUPERVISOR_BASE = 0x2800_0000L;
    /** QEMU virt: {@code IMSIC_MMIO_GROUP_MIN_SHIFT}, the stride between sockets (16 MiB). */
    public static final int VIRT_GROUP_SHIFT = 24;
    /** QEMU virt: {@code VIRT_IRQCHIP_NUM_MSIS}, the identities of every file. */
    public static final int VIRT_IDS = 255;
    /** QEMU virt: {@code VIRT_IRQCHIP_MAX_GUESTS}, the most guest files its {@code aia-guests} allows. */
    public static final int VIRT_MAX_GUESTS = 7;
    /** QEMU virt: {@code VIRT_CPUS_MAX}, harts per socket. */
    public static final int VIRT_MAX_HARTS_PER_SOCKET = 512;
    /** QEMU virt: {@code VIRT_SOCKETS_MAX}. */
    public static final int VIRT_MAX_SOCKETS = 4;

    public ImsicGeometry {
        Objects.requireNonNull(harts);
        Objects.requireNonNull(placement);
        Optional<String> problem = problem(harts, guestFiles, machineIds, supervisorIds, guestIds, placement);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    /** The least D that leaves room for {@code guestFiles} guest pages after each S page: 12 + ⌈log2(GEILEN + 1)⌉. */
    public static int minimumSupervisorShift(int guestFiles) {
        return ImsicPlacement.PAGE_SHIFT + Bits.toRepresent(guestFiles + 1L);
    }

    /** Whether a file may implement {@code n} identities: N = 64k − 1 with 63 ≤ N ≤ 2047. */
    public static boolean validIdentities(int n) {
        return n >= MIN_IDS && n <= MAX_IDS && (n & 63) == 63;
    }

    /**
     * What keeps these values from being a geometry, in words, the first rule broken; empty when they are
     * one. The one place the rules above are decided: the record refuses what this names, and a checker
     * reports it.
     */
    public static Optional<String> problem(Harts harts, int guestFiles, int machineIds, int supervisorIds, int guestIds,
                                           ImsicPlacement placement) {
        if (guestFiles < 0 || guestFiles > MAX_GUEST_FILES) {
            return Optional.of("guest files per hart " + guestFiles + " outside 0.." + MAX_GUEST_FILES);
        }
        for (int[] ids : new int[][] {{0, machineIds}, {1, supervisorIds}, {2, guestIds}}) {
            if (!validIdentities(ids[1])) {
                return Optional.of(new String[] {"machine-level", "supervisor-level", "guest"}[ids[0]] + " files implement "
                        + ids[1] + " identities: N must be 64k − 1 in " + MIN_IDS + ".." + MAX_IDS);
            }
        }
        int k = harts.hartBits();
        int c = placement.machineShift();
        int d = placement.supervisorShift();
        int e = placement.groupShift();
        int minD = minimumSupervisorShift(guestFiles);
        if (d < minD) {
            return Optional.of("D = " + d + " leaves no room for " + guestFiles
                    + " guest pages after each S page: D must be at least " + minD);
        }
        if (!Bits.aligned(placement.machineBase(), k + c)) {
            return Optional.of(unaligned("A", placement.machineBase(), k + c));
        }
        if (!Bits.aligned(placement.supervisorBase(), k + d)) {
            return Optional.of(unaligned("B", placement.supervisorBase(), k + d));
        }
        long groupField = 0;
        if (harts.groups() > 1) {
            if (e < k + Math.max(c, d)) {
                return Optional.of("E = " + e + " is below k + max(C, D) = " + (k + Math.max(c, d)));
            }
            int j = harts.groupBits();
            if (e + j > ImsicPlacement.PHYSICAL_ADDRESS_BITS) {
                return Optional.of("the group field 2^" + e + "·(0.." + (harts.groups() - 1)
                        + ") reaches beyond 2^" + ImsicPlacement.PHYSICAL_ADDRESS_BITS);
            }
            groupField = Bits.ones(j) << e;
            if ((placement.machineBase() & groupField) != 0 || (placement.supervisorBase() & groupField) != 0) {
                return Optional.of("A or B has a bit in the group field 0x" + Long.toHexString(groupField));
            }
        }
        long mEnd = placement.machineBase() + (1L << (k + c));
        long sEnd = placement.supervisorBase() + (1L << (k + d));
        if (placement.machineBase() < sEnd && placement.supervisorBase() < mEnd) {
            return Optional.of("the machine-level region overlaps the supervisor-level region");
        }
        if (((Math.max(mEnd, sEnd) - 1) | groupField) >>> ImsicPlacement.PHYSICAL_ADDRESS_BITS != 0) {
            return Optional.of("interrupt-file pages beyond 2^" + ImsicPlacement.PHYSICAL_ADDRESS_BITS);
        }
        return Optional.empty();
    }

    private static String unaligned(String name, long base, int bits) {
        return name + " = 0x" + Long.toHexString(base) + " is not aligned to 2^" + bits;
    }

    /**
     * The placement QEMU's virt machine gives with {@code aia=aplic-imsic} (hw/riscv/virt.c
     * {@code virt_memmap}, {@code create_fdt_one_imsic}, {@code riscv_create_aia}): machine-level files
     * at 0x2400_0000 + socket·2^24 + h·4 KiB (C = 12), supervisor-level files at 0x2800_0000 +
     * socket·2^24 + h·2^D with D = 12 + ⌈log2(guests + 1)⌉ ({@code imsic_num_bits(aia_guests + 1)}),
     * 255 identities in every file; {@code harts} spread evenly over {@code sockets}.
     */
    public static ImsicGeometry virt(int harts, int sockets, int guests) {
        if (sockets < 1 || sockets > VIRT_MAX_SOCKETS || harts % sockets != 0
                || harts / sockets > VIRT_MAX_HARTS_PER_SOCKET || harts < 1) {
            throw new IllegalArgumentException(harts + " harts in " + sockets + " sockets is no virt machine");
        }
        if (guests < 0 || guests > VIRT_MAX_GUESTS) {
            throw new IllegalArgumentException("virt allows 0.." + VIRT_MAX_GUESTS + " guest files, not " + guests);
        }
        int d = minimumSupervisorShift(guests);
        return new ImsicGeometry(new Harts(harts / sockets, sockets), guests, VIRT_IDS, VIRT_IDS, VIRT_IDS,
                new ImsicPlacement(VIRT_MACHINE_BASE, ImsicPlacement.PAGE_SHIFT, VIRT_SUPERVISOR_BASE, d, VIRT_GROUP_SHIFT));
    }

    /** The page of {@code file}. */
    public long page(InterruptFile file) {
        checkFile(file);
        int hart = file.hart();
        long group = (long) harts.group(hart) << placement.groupShift();
        long h = harts.local(hart);
        return switch (file.level()) {
            case MACHINE -> group | placement.machineBase() | h << placement.machineShift();
            case SUPERVISOR -> group | placement.supervisorBase() | h << placement.supervisorShift();
            case GUEST -> group | placement.supervisorBase() | h << placement.supervisorShift() | (long) file.guest() * PAGE;
        };
    }

    /** The identities {@code file} implements: N of its level. */
    public int identities(InterruptFile file) {
        checkFile(file);
        return switch (file.level()) {
            case MACHINE -> machineIds;
            case SUPERVISOR -> supervisorIds;
            case GUEST -> guestIds;
        };
    }

    /** The supervisor-level pages' guest-index bits as Linux reads them ({@code riscv,guest-index-bits}): D − 12. */
    public int guestIndexBits() {
        return placement.supervisorShift() - ImsicPlacement.PAGE_SHIFT;
    }

    /** Every interrupt file, in hart order, machine, supervisor, then guests. */
    public List<InterruptFile> files() {
        List<InterruptFile> files = new ArrayList<>();
        for (int h = 0; h < harts.count(); h++) {
            files.add(InterruptFile.machine(h));
            files.add(InterruptFile.supervisor(h));
            for (int g = 1; g <= guestFiles; g++) {
                files.add(InterruptFile.guest(h, g));
            }
        }
        return files;
    }

    /** The file whose page contains {@code address}, if any. */
    public Optional<InterruptFile> fileAt(long address) {
        Slot slot = slotAt(address);
        return slot == null ? Optional.empty() : Optional.ofNullable(slot.file);
    }

    /**
     * Whether {@code address} lies in a machine-level or supervisor-level region of a group (the
     * 2^(k+C) and 2^(k+D) ranges), where the AIA asks pages without a file to be read-only zeros.
     */
    public boolean inRegion(long address) {
        return slotAt(address) != null;
    }

    private record Slot(InterruptFile file) {
    }

    private Slot slotAt(long address) {
        if (address < 0) {
            return null;
        }
        long page = address & -PAGE;
        int k = harts.hartBits();
        for (int g = 0; g < harts.groups(); g++) {
            long offset = page - ((long) g << placement.groupShift());
            long m = offset - placement.machineBase();
            if (m >= 0 && m >>> (k + placement.machineShift()) == 0) {
                long h = m >>> placement.machineShift();
                boolean file = Bits.aligned(m, placement.machineShift()) && h < harts.perGroup();
                return new Slot(file ? InterruptFile.machine(g * harts.perGroup() + (int) h) : null);
            }
            long s = offset - placement.supervisorBase();
            if (s >= 0 && s >>> (k + placement.supervisorShift()) == 0) {
                long h = s >>> placement.supervisorShift();
                long index = (s & Bits.ones(placement.supervisorShift())) >>> ImsicPlacement.PAGE_SHIFT;
                InterruptFile file = null;
                if (h < harts.perGroup() && index <= guestFiles) {
                    int hart = g * harts.perGroup() + (int) h;
                    file = index == 0 ? InterruptFile.supervisor(hart) : InterruptFile.guest(hart, (int) index);
                }
                return new Slot(file);
            }
            if (harts.groups() == 1) {
                break;
            }
        }
        return null;
    }

    private void checkFile(InterruptFile file) {
        if (file.hart() >= harts.count() || file.guest() > guestFiles) {
            throw new IllegalArgumentException("no interrupt file " + file.word() + " on " + harts.count()
                    + " harts with " + guestFiles + " guest files");
        }
    }
}
