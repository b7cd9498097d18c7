package dev.irqtopo.runtime.gic;

import dev.irqtopo.model.arm.EventIdOverflow;
import dev.irqtopo.model.arm.GicModel;
import dev.irqtopo.model.arm.ItsModel;
import dev.irqtopo.model.arm.V2mFrameModel;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.message.Result;
import dev.irqtopo.testing.PropertyRuns;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import static com.google.common.truth.Truth.assertWithMessage;

/**
 * {@link Reach} against brute force on 1 500 random small platforms: one or two ITS units and up to two
 * GICv2m frames, programmed by the Linux drivers through random prepares, allocations, activations,
 * affinity changes and frees (with collections unmapped, ITS units disabled and LPIs scarce now and
 * then), and a random sender with random DeviceIDs and a random set of writable addresses. The brute
 * force writes every data value up to 300 and values with high bits set to every address of interest,
 * keeps the lowest message per interrupt raised (SPIs only when allocated), and must find exactly what
 * the symbolic reach computes.
 */
class ReachOracleTest {

    private static final int PLATFORMS = Integer.getInteger("irqtopo.arm.oracle.platforms", 1_500);

    @Test
    void symbolicReachEqualsBruteForce() {
        AtomicInteger lpis = new AtomicInteger();
        AtomicInteger spis = new AtomicInteger();
        AtomicInteger blocked = new AtomicInteger();
        PropertyRuns.forEachSeed(PLATFORMS, random -> {
            Platform p = Platform.random(random);
            Sender sender = randomSender(random, p);
            Doorbells doorbells = randomDoorbells(random, p);
            List<Reached> symbolic = Reach.of(p.gic, p.v2m, sender, doorbells);
            List<Reached> brute = bruteForce(p, sender, doorbells);
            assertWithMessage("sender %s doorbells %s", sender, doorbells).that(symbolic).containsExactlyElementsIn(brute).inOrder();
            symbolic.forEach(r -> (r.interrupt() instanceof GicInterrupt.Lpi ? lpis : spis).incrementAndGet());
            if (symbolic.size() < Reach.of(p.gic, p.v2m, sender, Doorbells.all()).size()) {
                blocked.incrementAndGet();
            }
        });
        // the generator must reach both kinds often, and the doorbell limit must matter now and then
        assertWithMessage("LPIs reached").that(lpis.get()).isGreaterThan(PLATFORMS / 2);
        assertWithMessage("SPIs reached").that(spis.get()).isGreaterThan(PLATFORMS / 2);
        assertWithMessage("platforms where the doorbell limit removed something").that(blocked.get()).isGreaterThan(PLATFORMS / 20);
    }

    private static List<Reached> bruteForce(Platform p, Sender sender, Doorbells doorbells) {
        Set<Long> addresses = new HashSet<>();
        addresses.add(0L);
        p.gic.its().forEach(u -> {
            addresses.add(u.model().doorbell());
            addresses.add(u.model().doorbell() + 4);
        });
        p.gic.frames().forEach(f -> {
            addresses.add(f.doorbell());
            addresses.add(f.doorbell() - 4);
        });
        List<Integer> data = new ArrayList<>();
        for (int d = 0; d <= 300; d++) {
            data.add(d);
        }
        for (int d = 0; d < 40; d++) {
            for (int bit = 5; bit < 32; bit++) {
                data.add(d | 1 << bit);
            }
        }
        Map<GicInterrupt, Reached> lowest = new TreeMap<>();
        for (long address : addresses) {
            if (!doorbells.permits(address)) {
                continue;
            }
            for (int d : data) {
                WriteOutcome out = p.gic.write(sender, address, d);
                if (!(out instanceof WriteOutcome.Delivered)) {
                    continue;
                }
                WriteOutcome.Delivered delivered = (WriteOutcome.Delivered) out;
                if (delivered.raised() instanceof GicInterrupt.Spi) {
                    V2mFrameModel frame = p.gic.model().v2m(delivered.unit()).orElseThrow();
                    if (!p.v2m.isAllocated(frame, delivered.raised().intid())) {
                        continue;
                    }
                }
                Reached candidate = new Reached(delivered.raised(), delivered.unit(), Message.of(address, d));
                lowest.merge(candidate.interrupt(), candidate, (a, b) -> a.lowest().compareTo(b.lowest()) <= 0 ? a : b);
            }
        }
        return new ArrayList<>(lowest.values());
    }

    private static Sender randomSender(Random random, Platform p) {
        Map<String, Long> ids = new HashMap<>();
        for (ItsDriver driver : p.drivers) {
            int choice = random.nextInt(4);
            if (choice == 0) {
                continue; // no DeviceID at this ITS
            }
            List<Long> known = new ArrayList<>();
            driver.devices().forEach(d -> known.add(d.deviceId()));
            long id = choice < 3 && !known.isEmpty() ? known.get(random.nextInt(known.size()))
                    : random.nextInt((1 << driver.its().model().deviceIdBits()) + 2);
            ids.put(driver.its().name(), id);
        }
        return new Sender(ids);
    }

    private static Doorbells randomDoorbells(Random random, Platform p) {
        List<Long> all = new ArrayList<>();
        p.gic.its().forEach(u -> all.add(u.model().doorbell()));
        p.gic.frames().forEach(f -> all.add(f.doorbell()));
        if (random.nextBoolean() || all.isEmpty()) {
            return Doorbells.all();
        }
        Set<Long> some = new HashSet<>();
        for (long a : all) {
            if (random.nextBoolean()) {
                some.add(a);
            }
        }
        if (random.nextInt(4) == 0) {
            some.add(0L);
        }
        return Doorbells.only(some);
    }

    /** A random platform after random work of the Linux drivers. */
    private static final class Platform {
        final Gic gic;
        final V2mAllocator v2m;
        final List<ItsDriver> drivers = new ArrayList<>();

        private Platform(Gic gic, V2mAllocator v2m) {
            this.gic = gic;
            this.v2m = v2m;
        }

        static Platform random(Random random) {
            int cpus = 1 + random.nextInt(4);
            List<ItsModel> its = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
                ItsModel unit = ItsModel.atBase("its" + i, 0x0808_0000L + 0x20000L * i, 1 + random.nextInt(4), 1 + random.nextInt(5));
                its.add(unit.withEventIdOverflow(random.nextBoolean() ? EventIdOverflow.HIGH_BITS_IGNORED : EventIdOverflow.WRITE_IGNORED));
            }
            List<V2mFrameModel> frames = new ArrayList<>();
            for (int i = 0, n = random.nextInt(3); i < n; i++) {
                frames.add(V2mFrameModel.atBase("v2m" + i, 0x0802_0000L + 0x10000L * i, 32 + random.nextInt(80), 1 + random.nextInt(12)));
            }
            GicModel model = GicModel.v3(its, frames);
            Platform p = new Platform(new Gic(model, cpus), new V2mAllocator(frames));
            LpiRanges lpis = new LpiRanges(4 + random.nextInt(60));
            CpuLoad load = new CpuLoad(cpus);
            ItsDriverLine line = random.nextBoolean() ? ItsDriverLine.LINUX_6_1 : ItsDriverLine.LINUX_6_12;
            for (Its unit : p.gic.its()) {
                ItsDriver driver = new ItsDriver(unit, lpis, load, line);
                driver.initCollections();
                p.drivers.add(driver);
            }
            for (int step = 0, steps = 2 + random.nextInt(10); step < steps && !p.drivers.isEmpty(); step++) {
                linuxStep(random, p.drivers.get(random.nextInt(p.drivers.size())), cpus);
            }
            for (int step = 0, steps = 1 + random.nextInt(5); step < steps && !frames.isEmpty(); step++) {
                Result<V2mBlock> block = p.v2m.alloc(1 << random.nextInt(3));
                if (block.isOk() && random.nextInt(4) == 0) {
                    p.v2m.free(block.value());
                }
            }
            for (Its unit : p.gic.its()) {
                if (random.nextInt(8) == 0) {
                    unit.setEnabled(false);
                }
                if (random.nextInt(6) == 0) {
                    unit.mapc(random.nextInt(cpus), 0, false);
                }
            }
            return p;
        }

        private static void linuxStep(Random random, ItsDriver driver, int cpus) {
            long deviceId = random.nextInt((1 << driver.its().model().deviceIdBits()) + 1);
            Result<ItsDevice> prepared = driver.prepare(deviceId, 1 + random.nextInt(8), random.nextInt(5) == 0);
            if (!prepared.isOk()) {
                return;
            }
            ItsDevice device = prepared.value();
            int n = 1 + random.nextInt(4);
            Result<Integer> first = driver.alloc(device, n);
            if (!first.isOk()) {
                return;
            }
            int base = first.value();
            for (int e = base; e < base + n; e++) {
                boolean managed = random.nextBoolean();
                driver.activate(device, e, managed);
                if (random.nextInt(3) == 0) {
                    BitSet affinity = new BitSet();
                    affinity.set(random.nextInt(cpus + 1));
                    driver.setAffinity(device, e, affinity);
                }
            }
            if (random.nextInt(4) == 0) {
                for (int e = base; e < base + n; e++) {
                    driver.deactivate(device, e);
                }
                driver.free(device, base, n);
            }
        }
    }
}
