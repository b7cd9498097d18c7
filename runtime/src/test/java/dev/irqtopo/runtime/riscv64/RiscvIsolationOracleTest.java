package dev.irqtopo.runtime.riscv64;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.RiscvPlatformModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.riscv.FileLevel;
import dev.irqtopo.model.riscv.ImsicGeometry;
import dev.irqtopo.model.riscv.InterruptFile;
import dev.irqtopo.model.riscv.MsiTranslationMode;
import dev.irqtopo.runtime.imsic.ImsicWrite;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.riommu.DeviceWrite;
import dev.irqtopo.runtime.riscv64.isolation.RiscvFinding;
import dev.irqtopo.runtime.riscv64.isolation.RiscvFindingClass;
import dev.irqtopo.runtime.riscv64.isolation.RiscvIsolationAnalysis;
import dev.irqtopo.runtime.riscv64.isolation.RiscvIsolationReport;
import dev.irqtopo.testing.PropertyRuns;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The riscv64 verdict against brute force: on seeded random small platforms booted as Linux and KVM
 * boot them (1 to 4 harts, 0 to 3 guest files, N of 63 or 127, no IOMMU or one with {@code msi off},
 * {@code flat} or {@code mrif}, trapped or untrapped storages, functions behind a bridge whose alias
 * requester id makes two owners share one device context, assignable interfaces of a function), every
 * assigned device writes every data value 0..N + 1 and values beyond 2047 to every page of the IMSIC
 * regions (files and empty slots) at offsets 0 and 4, to every MRIF, to RAM and to 0, through the same
 * path {@code simulate} fires through; the victims it makes something pending for (a file's owner, an
 * MRIF's guest, a notice identity's taker) and the lowest message for each must be exactly the findings.
 */
class RiscvIsolationOracleTest {

    private static final int TRIES = 250;
    private final Map<RiscvFindingClass, Integer> seen = new ConcurrentHashMap<>();

    @Test
    void findingsAreExactlyWhatBruteForceReaches() {
        PropertyRuns.forEachSeedInParallel(TRIES, random -> check(randomPlatform(random)));
        // the generator is worth its name only if every class turns up
        assertWithMessage("classes seen %s", seen).that(seen.keySet())
                .containsExactlyElementsIn(EnumSet.allOf(RiscvFindingClass.class));
    }

    private void check(RiscvPlatformModel model) {
        RiscvPlatform platform = RiscvPlatform.create(model);
        platform.boot();
        RiscvIsolationReport report = RiscvIsolationAnalysis.analyze(platform);
        report.findings().forEach(f -> seen.merge(f.findingClass(), 1, Integer::sum));
        List<Long> addresses = addresses(platform);
        List<Integer> data = data(model.imsic());
        for (var guest : model.guests()) {
            for (String name : guest.devices()) {
                DeviceModel device = platform.device(name);
                Map<String, Message> brute = new TreeMap<>();
                for (long address : addresses) {
                    for (int value : data) {
                        Message message = Message.of(address, value);
                        for (String victim : victims(platform, platform.emit(device, message))) {
                            if (!victim.equals(guest.name()) && !victim.equals(RiscvPlatform.NOBODY)) {
                                brute.merge(victim, message, (a, b) -> a.compareTo(b) <= 0 ? a : b);
                            }
                        }
                    }
                }
                Set<String> means = new TreeSet<>();
                Map<String, Message> symbolic = new TreeMap<>();
                for (RiscvFinding f : report.findings()) {
                    if (f.guest().equals(guest.name()) && f.device().equals(name)) {
                        means.add(f.means());
                        Message previous = symbolic.put(f.victim(), f.message());
                        // every means of a sub-device writes what its guest puts in it: the same reach
                        assertWithMessage("%s through %s", name, means).that(previous == null || previous.equals(f.message()))
                                .isTrue();
                    }
                }
                boolean writes = !device.isSubDevice() || device.storages().stream()
                        .anyMatch(s -> !model.hypervisor().orElseThrow().traps(s.kind()));
                assertWithMessage("%s's %s on %s", guest.name(), name, model).that(symbolic)
                        .isEqualTo(writes ? brute : Map.of());
            }
        }
    }

    /** Whose something one write made pending: the file's owner, the MRIF's guest, the notice identity's taker. */
    private static List<String> victims(RiscvPlatform platform, RiscvOutcome outcome) {
        List<String> victims = new ArrayList<>();
        if (!(outcome instanceof RiscvOutcome.Written written)) {
            return victims;
        }
        if (written.write() instanceof DeviceWrite.Onward o && o.effect() instanceof ImsicWrite.Pending p) {
            victims.add(platform.fileOwner(p.target()));
        }
        if (written.write() instanceof DeviceWrite.MrifRecorded m) {
            victims.add(platform.mrifOwner(m.mrif()).orElse(RiscvPlatform.NOBODY));
            if (m.notice() instanceof ImsicWrite.Pending p) {
                victims.add(platform.take(p.target(), p.identity()).kernel());
            }
        }
        return victims;
    }

    /** Every page of both IMSIC regions (empty slots too) at offsets 0 and 4, the MRIFs, RAM and 0. */
    private static List<Long> addresses(RiscvPlatform platform) {
        ImsicGeometry imsic = platform.model().imsic();
        Set<Long> pages = new TreeSet<>();
        for (InterruptFile file : imsic.files()) {
            long page = imsic.page(file);
            pages.add(page);
            // the rest of a supervisor-level file's slot: its guest files, then pages without a file
            long slot = 1L << imsic.placement().supervisorShift();
            if (file.level() != FileLevel.MACHINE) {
                for (long p = page & -slot; p < (page & -slot) + slot; p += ImsicGeometry.PAGE) {
                    pages.add(p);
                }
            }
        }
        List<Long> addresses = new ArrayList<>(List.of(0L, 0x8000_0000L));
        for (long page : pages) {
            addresses.add(page);
            addresses.add(page + 4);
        }
        for (int g = 0; g < platform.model().guests().size(); g++) {
            for (int vcpu = 0; vcpu < platform.model().guests().get(g).cpus(); vcpu++) {
                addresses.add(RiscvPlatform.mrif(g, vcpu));
            }
        }
        return addresses;
    }

    private static List<Integer> data(ImsicGeometry imsic) {
        List<Integer> data = new ArrayList<>();
        int most = Math.max(imsic.supervisorIds(), imsic.guestIds());
        for (int d = 0; d <= most + 1; d++) {
            data.add(d);
        }
        data.add(2047);
        data.add(2048);
        data.add(0x0100_0000);
        data.add(-1);
        return data;
    }

    static RiscvPlatformModel randomPlatform(Random random) {
        int harts = 1 + random.nextInt(4);
        int guests = 1 + random.nextInt(2);
        List<Integer> vcpus = new ArrayList<>();
        int total = 0;
        for (int g = 0; g < guests; g++) {
            vcpus.add(1 + random.nextInt(2));
            total += vcpus.get(g);
        }
        // the vCPUs take the harts in turn: the busiest hart needs ⌈total / harts⌉ guest files
        int guestFiles = Math.max((total + harts - 1) / harts, random.nextInt(4));
        RiscvDesigns design = new RiscvDesigns(harts, guestFiles, random.nextBoolean() ? 63 : 127);
        switch (random.nextInt(5)) {
            case 0 -> design.noIommu();
            case 1 -> design.iommu(MsiTranslationMode.OFF);
            case 2, 3 -> design.iommu(MsiTranslationMode.FLAT);
            default -> design.iommu(MsiTranslationMode.MRIF);
        }
        design.traps(random.nextBoolean() ? Set.of(StorageKind.MSI, StorageKind.MSIX) : Set.of(StorageKind.MSI));
        int devices = 2 + random.nextInt(4);
        List<String> functions = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            String name = "d" + d;
            StorageKind kind = random.nextInt(4) == 0 ? StorageKind.MSI : StorageKind.MSIX;
            int size = kind == StorageKind.MSI ? 1 : 1 + random.nextInt(4);
            int shape = random.nextInt(6);
            if (shape == 0 && !functions.isEmpty()) {
                // an assignable interface of a function: its parent's requester id, so its parent's context
                String parent = functions.get(random.nextInt(functions.size()));
                kind = random.nextBoolean() ? StorageKind.IMS_QUEUE : StorageKind.IMS_DEVICE;
                design.subDevice(name, parent, 1 + d, kind, 2);
            } else if (shape <= 2) {
                design.bridged(name, d, kind, size);
                functions.add(name);
            } else {
                RequesterId rid = RequesterId.of(1 + random.nextInt(2), random.nextInt(2), random.nextInt(2));
                if (design.hasRequester(rid)) {
                    continue;
                }
                design.function(name, rid.toString(), kind, size);
                functions.add(name);
            }
            int owner = random.nextInt(guests + 1);
            int alloc = kind.busDomain() == BusDomainKind.MSI ? 1 : 1 + random.nextInt(size);
            if (owner == 0) {
                design.hostStack(name, kind, alloc);
            } else if (random.nextInt(4) == 0) {
                design.assign("vm" + owner, vcpus.get(owner - 1), name);
            } else {
                design.guest("vm" + owner, vcpus.get(owner - 1), name, kind, alloc);
            }
        }
        // a guest nothing was assigned to still runs, with one function of its own
        for (int g = 1; g <= guests; g++) {
            String name = "own" + g;
            design.function(name, String.format("%02x:00.0", 0x10 + g), StorageKind.MSIX, 2);
            design.guest("vm" + g, vcpus.get(g - 1), name, StorageKind.MSIX, 1);
        }
        return design.build();
    }
}
