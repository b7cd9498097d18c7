package dev.irqtopo.runtime.riommu;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.irqtopo.model.riscv.DeviceContext;
import dev.irqtopo.model.riscv.GuestAddressWidth;
import dev.irqtopo.model.riscv.Harts;
import dev.irqtopo.model.riscv.ImsicGeometry;
import dev.irqtopo.model.riscv.ImsicPlacement;
import dev.irqtopo.model.riscv.IommuCapabilities;
import dev.irqtopo.model.riscv.InterruptFile;
import dev.irqtopo.model.riscv.MsiPtMode;
import dev.irqtopo.model.riscv.MsiPte;
import dev.irqtopo.runtime.imsic.ImsicWrite;
import dev.irqtopo.runtime.imsic.Imsics;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.testing.PropertyRuns;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link Reach} against brute force on random small platforms in a 1 MiB physical address space (PAS
 * 20, no Sv*x4, so MGPAW = 20 and a device can address 256 pages): one or two hart groups of up to four
 * harts, up to three guest files, 63 or 127 identities per kind of file, a random placement that keeps
 * the AIA's rules, and a random device context — MSI translation off or flat, masks of up to four bits,
 * tables whose entries are absent, basic translations to files or memory, MRIFs with notices to files
 * or memory, or misconfigured — behind a random second stage. The brute force writes, at every page,
 * offsets 0, 4 and 8 with every identity up to the largest N + 2 and a few values above, keeps the
 * lowest write per target, and must find exactly what the symbolic reach computes. MRIF bits above the
 * values tried are checked apart: every MRIF the reach names has all of 0..2047.
 */
class ReachOracleTest {

    private static final int PLATFORMS = Integer.getInteger("irqtopo.riscv.oracle.platforms", 300);
    private static final int PAS = 20;
    private static final int PAGES = 1 << (PAS - 12);

    @Test
    void symbolicReachEqualsBruteForce() {
        AtomicInteger translated = new AtomicInteger();
        AtomicInteger mrif = new AtomicInteger();
        AtomicInteger notices = new AtomicInteger();
        AtomicInteger passThrough = new AtomicInteger();
        PropertyRuns.forEachSeedInParallel(PLATFORMS, random -> {
            ImsicGeometry geometry = randomGeometry(random);
            IommuCapabilities caps = new IommuCapabilities(PAS, GuestAddressWidth.PHYSICAL, random.nextInt(10) > 0,
                    random.nextBoolean(), random.nextBoolean());
            DeviceBus bus = new DeviceBus(caps, new Imsics(geometry, random.nextBoolean()));
            DeviceContext dc = randomContext(random, geometry);
            SecondStage stage = randomStage(random, geometry);
            List<Reached> symbolic = Reach.of(bus, dc, stage);
            Set<Integer> tried = new HashSet<>();
            List<Reached> brute = bruteForce(bus, dc, stage, tried);
            List<Reached> comparable = symbolic.stream()
                    .filter(r -> !(r.target() instanceof Target.MrifBit b) || tried.contains(b.identity())).toList();
            assertWithMessage("context %s stage %s", dc, stage).that(comparable).containsExactlyElementsIn(brute).inOrder();
            Map<Long, Integer> bitsPerMrif = new TreeMap<>();
            for (Reached r : symbolic) {
                if (r.target() instanceof Target.MrifBit b) {
                    bitsPerMrif.merge(b.mrif(), 1, Integer::sum);
                }
                (r.via() == Route.TRANSLATED ? translated : r.via() == Route.MRIF ? mrif
                        : r.via() == Route.NOTICE ? notices : passThrough).incrementAndGet();
            }
            bitsPerMrif.values().forEach(n -> assertWithMessage("bits per MRIF").that(n).isEqualTo(2048));
            assertWithMessage("lowest of each, context %s stage %s", dc, stage)
                    .that(Reach.lowestOfEach(bus, dc, stage)).containsExactlyElementsIn(firstOfEach(symbolic)).inOrder();
        });
        // the generator must reach every route often
        assertWithMessage("translated").that(translated.get()).isGreaterThan(PLATFORMS);
        assertWithMessage("MRIF bits").that(mrif.get()).isGreaterThan(PLATFORMS);
        assertWithMessage("notices").that(notices.get()).isGreaterThan(PLATFORMS / 20);
        assertWithMessage("pass-through").that(passThrough.get()).isGreaterThan(PLATFORMS);
    }

    /** From the full reach: every notice, and the first (lowest identity) other entry of each file and MRIF. */
    private static List<Reached> firstOfEach(List<Reached> all) {
        Set<Object> seen = new HashSet<>();
        List<Reached> first = new ArrayList<>();
        for (Reached r : all) {
            Object whole = r.target() instanceof Target.FileIdentity fi ? fi.file() : ((Target.MrifBit) r.target()).mrif();
            if (r.via() == Route.NOTICE || seen.add(whole)) {
                first.add(r);
            }
        }
        return first;
    }

    private static List<Reached> bruteForce(DeviceBus bus, DeviceContext dc, SecondStage stage, Set<Integer> tried) {
        int maxIds = Math.max(bus.imsics().geometry().supervisorIds(),
                Math.max(bus.imsics().geometry().machineIds(), bus.imsics().geometry().guestIds()));
        List<Integer> data = new ArrayList<>();
        for (int d = 0; d <= maxIds + 2; d++) {
            data.add(d);
        }
        data.addAll(List.of(2046, 2047, 2048, 4095, 1 << 20, -1));
        tried.addAll(data);
        Map<Target, Reached> lowest = new TreeMap<>();
        for (long page = 0; page < PAGES; page++) {
            for (long offset : new long[] {0, 4, 8}) {
                long address = page << 12 | offset;
                for (int value : data) {
                    record(lowest, bus.write(dc, stage, address, value), Message.of(address, value));
                }
            }
        }
        return new ArrayList<>(lowest.values());
    }

    private static void record(Map<Target, Reached> lowest, DeviceWrite write, Message message) {
        if (write instanceof DeviceWrite.Onward o && o.effect() instanceof ImsicWrite.Pending p) {
            keep(lowest, new Target.FileIdentity(p.target(), p.identity()), o.route(), message);
        } else if (write instanceof DeviceWrite.MrifRecorded m) {
            keep(lowest, new Target.MrifBit(m.mrif(), m.identity()), Route.MRIF, message);
            if (m.notice() instanceof ImsicWrite.Pending p) {
                keep(lowest, new Target.FileIdentity(p.target(), p.identity()), Route.NOTICE, message);
            }
        }
    }

    private static void keep(Map<Target, Reached> lowest, Target target, Route via, Message message) {
        lowest.merge(target, new Reached(target, via, message), (a, b) -> a.lowest().compareTo(b.lowest()) <= 0 ? a : b);
    }

    /** Up to 2 groups of up to 4 harts, up to 3 guests; M and S regions at random aligned places below 2^18. */
    private static ImsicGeometry randomGeometry(Random random) {
        Harts harts = new Harts(1 + random.nextInt(4), 1 + random.nextInt(2));
        int guests = random.nextInt(4);
        int k = harts.hartBits();
        int c = 12 + random.nextInt(2);
        int d = 12 + (guests == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(guests)) + random.nextInt(2);
        int e = 18;
        while (true) {
            long a = (long) random.nextInt(1 << (e - k - c)) << (k + c);
            long b = (long) random.nextInt(1 << (e - k - d)) << (k + d);
            long aEnd = a + (1L << (k + c));
            long bEnd = b + (1L << (k + d));
            if (aEnd <= b || bEnd <= a) {
                return new ImsicGeometry(harts, guests, ids(random), ids(random), ids(random), new ImsicPlacement(a, c, b, d, e));
            }
        }
    }

    private static int ids(Random random) {
        return random.nextBoolean() ? 63 : 127;
    }

    private static DeviceContext randomContext(Random random, ImsicGeometry geometry) {
        List<InterruptFile> files = geometry.files();
        long mask = 0;
        int bits = random.nextInt(5);
        while (Long.bitCount(mask) < bits) {
            mask |= 1L << random.nextInt(PAS - 12);
        }
        long pattern = random.nextInt(PAGES);
        if (random.nextBoolean()) {
            // aim the MSI pages at the IMSIC region now and then, so MSI pages hide files
            pattern = geometry.page(files.get(random.nextInt(files.size()))) >>> 12;
        }
        Map<Long, MsiPte> table = new TreeMap<>();
        for (long index = 0; index < 1L << bits; index++) {
            int kind = random.nextInt(6);
            long filePage = geometry.page(files.get(random.nextInt(files.size()))) >>> 12;
            switch (kind) {
                case 0 -> { }
                case 1, 2 -> table.put(index, new MsiPte.Basic(random.nextInt(4) == 0 ? random.nextInt(PAGES) : filePage));
                case 3, 4 -> table.put(index, new MsiPte.Mrif((long) random.nextInt(1 << 12) << 9,
                        random.nextInt(4) == 0 ? random.nextInt(PAGES) : filePage,
                        random.nextInt(4) == 0 ? 2047 : random.nextInt(140)));
                default -> table.put(index, new MsiPte.Raw(misconfigured(random, new MsiPte.Basic(filePage).dw0()), 0));
            }
        }
        // a table at PPN 250..255 puts high entries at or above 2^20: load access faults
        long tablePpn = random.nextInt(4) == 0 ? 250 + random.nextInt(6) : random.nextInt(PAGES);
        MsiPtMode mode = random.nextInt(5) == 0 ? MsiPtMode.OFF : MsiPtMode.FLAT;
        return new DeviceContext(mode, tablePpn, mask, pattern, random.nextInt(20) > 0, table);
    }

    /** A basic entry spoilt: C = 1, a reserved bit, or the reserved mode M = 2. */
    private static long misconfigured(Random random, long dw0) {
        return switch (random.nextInt(3)) {
            case 0 -> dw0 | 1L << 63;
            case 1 -> dw0 | 1L << 4;
            default -> dw0 & ~0b110L | 0b100L;
        };
    }

    private static SecondStage randomStage(Random random, ImsicGeometry geometry) {
        return switch (random.nextInt(3)) {
            case 0 -> SecondStage.all();
            case 1 -> SecondStage.none();
            default -> {
                Set<Long> pages = new HashSet<>();
                for (InterruptFile file : geometry.files()) {
                    if (random.nextInt(3) == 0) {
                        pages.add(geometry.page(file));
                    }
                }
                yield SecondStage.only(pages);
            }
        };
    }
}
