package dev.irqtopo.runtime.arm64;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.arm.GicModel;
import dev.irqtopo.model.arm.ItsModel;
import dev.irqtopo.model.arm.MsiMap;
import dev.irqtopo.model.arm.MsiMapEntry;
import dev.irqtopo.model.arm.V2mFrameModel;
import dev.irqtopo.runtime.arm64.isolation.Arm64Finding;
import dev.irqtopo.runtime.arm64.isolation.Arm64FindingClass;
import dev.irqtopo.runtime.arm64.isolation.Arm64IsolationAnalysis;
import dev.irqtopo.runtime.arm64.isolation.Arm64IsolationReport;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.testing.PropertyRuns;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The arm64 verdict against brute force: on seeded random small platforms booted through the Linux
 * drivers (one or two ITS units with few EventID bits, a GICv2m frame or none, msi-maps that fold
 * requester ids or name a second ITS, SMMU or none, trapped or untrapped storages, GICv3 or GICv4
 * with vLPIs), every assigned function writes every data value 0..1100 and values with high bits set
 * to every doorbell, beside it, to its IOVA in the SMMU's MSI window and to 0, through the same
 * firing path {@code simulate} uses; the victims it reaches and the lowest message for each must be
 * exactly the findings.
 */
class Arm64IsolationOracleTest {

    private static final int TRIES = 400;
    private final Map<Arm64FindingClass, Integer> seen = new ConcurrentHashMap<>();

    @Test
    void findingsAreExactlyWhatBruteForceReaches() {
        PropertyRuns.forEachSeedInParallel(TRIES, random -> check(randomPlatform(random)));
        // the generator is worth its name only if every class turns up
        assertWithMessage("classes seen %s", seen).that(seen.keySet()).containsExactlyElementsIn(EnumSet.allOf(Arm64FindingClass.class));
    }

    private void check(Arm64PlatformModel model) {
        Arm64Platform platform = Arm64Platform.create(model);
        platform.boot();
        Arm64IsolationReport report = Arm64IsolationAnalysis.analyze(platform);
        report.findings().forEach(f -> seen.merge(f.findingClass(), 1, Integer::sum));
        for (var guest : model.guests()) {
            for (String name : guest.devices()) {
                DeviceModel device = platform.device(name);
                Map<String, Message> brute = new TreeMap<>();
                for (long address : addresses(platform)) {
                    for (int data : data()) {
                        Arm64Outcome outcome = platform.emit(device, Message.of(address, data));
                        if (outcome instanceof Arm64Outcome.Delivered d && !d.kernel().equals(guest.name())) {
                            brute.merge(d.kernel(), Message.of(address, data), (a, b) -> a.compareTo(b) <= 0 ? a : b);
                        }
                    }
                }
                Map<String, Message> symbolic = new TreeMap<>();
                for (Arm64Finding f : report.findings()) {
                    if (f.guest().equals(guest.name()) && f.device().equals(name)) {
                        symbolic.put(f.victim(), f.message());
                    }
                }
                assertWithMessage("%s's %s on %s", guest.name(), name, model).that(symbolic).isEqualTo(brute);
            }
        }
    }

    private static List<Long> addresses(Arm64Platform platform) {
        List<Long> addresses = new ArrayList<>(List.of(0L));
        List<Long> doorbells = new ArrayList<>();
        platform.model().gic().its().forEach(u -> doorbells.add(u.doorbell()));
        platform.model().gic().v2m().forEach(f -> doorbells.add(f.doorbell()));
        for (long doorbell : doorbells) {
            addresses.add(doorbell);
            addresses.add(doorbell + 4);
            addresses.add(DeviceDma.MSI_IOVA_BASE + (doorbell & (DeviceDma.PAGE - 1)));
        }
        return addresses;
    }

    private static List<Integer> data() {
        List<Integer> data = new ArrayList<>();
        for (int d = 0; d <= 1100; d++) {
            data.add(d);
        }
        data.add(1 << 16);
        data.add((1 << 16) + 1);
        data.add(0x8000_0002);
        return data;
    }

    static Arm64PlatformModel randomPlatform(Random random) {
        List<ItsModel> its = new ArrayList<>();
        int units = random.nextInt(3);
        for (int i = 0; i < units; i++) {
            its.add(ItsModel.atBase("its" + i, 0x0808_0000L + 0x2_0000L * i, 16, 2 + random.nextInt(3)));
        }
        List<V2mFrameModel> frames = new ArrayList<>();
        if (its.isEmpty() || random.nextInt(3) == 0) {
            frames.add(V2mFrameModel.atBase("v2m0", 0x0802_0000L, 80 + random.nextInt(4), 4 + random.nextInt(8)));
        }
        boolean v4 = random.nextBoolean();
        Arm64Designs design = new Arm64Designs(1 + random.nextInt(4), new GicModel(v4 ? 4 : 3, 16, its, frames));
        List<String> controllers = new ArrayList<>();
        its.forEach(u -> controllers.add(u.name()));
        frames.forEach(f -> controllers.add(f.name()));
        // bus 1 and buses 2..3 each to a controller; then, maybe, a row per ITS over every id, which a
        // device reaches only by writing that ITS's doorbell itself
        String low = controllers.get(random.nextInt(controllers.size()));
        String high = controllers.get(random.nextInt(controllers.size()));
        List<MsiMapEntry> rows = new ArrayList<>(List.of(
                MsiMapEntry.of(0x100, low, random.nextInt(3) * 0x100, 0x100),
                MsiMapEntry.of(0x200, high, random.nextInt(3) * 0x100, 0x200)));
        for (ItsModel unit : its) {
            if (random.nextBoolean()) {
                rows.add(MsiMapEntry.of(0, unit.name(), random.nextInt(3) * 0x100, 0x10000));
            }
        }
        long mask = new long[] {0xFFFF_FFFFL, 0xfff8L, 0xfffcL}[random.nextInt(3)];
        design.msiMap(new MsiMap(rows, MsiMap.ALL_BITS).withMask(mask));
        if (random.nextBoolean()) {
            design.noSmmu();
        }
        Set<StorageKind> traps = random.nextBoolean() ? Set.of(StorageKind.MSI, StorageKind.MSIX) : Set.of(StorageKind.MSI);
        design.traps(traps);
        if (v4 && random.nextBoolean()) {
            design.vlpi();
        }
        int devices = 2 + random.nextInt(4);
        int guests = 1 + random.nextInt(2);
        for (int d = 0; d < devices; d++) {
            String name = "d" + d;
            StorageKind kind = random.nextInt(4) == 0 ? StorageKind.MSI : StorageKind.MSIX;
            int size = kind == StorageKind.MSI ? 1 << random.nextInt(3) : 1 + random.nextInt(6);
            int bus = 1 + random.nextInt(3);
            String rid = String.format("%02x:00.%d", bus, random.nextInt(3));
            if (design.hasRequester(rid)) {
                continue;
            }
            design.function(name, rid, kind, size);
            int alloc = 1 + random.nextInt(size);
            int owner = random.nextInt(guests + 1);
            if (owner == 0) {
                design.hostStack(name, kind, bus == 1 ? low : high, alloc);
            } else {
                design.guest("vm" + owner, 1 + random.nextInt(2), name, kind, alloc);
            }
        }
        return design.build();
    }
}
