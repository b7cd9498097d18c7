package dev.irqtopo.testing;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.HypervisorModel;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.SourceCheck;
import dev.irqtopo.model.StackModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.StorageModel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Random small platforms the checker would accept, varied along every axis that changes where a
 * message lands: 1 to 4 host CPUs in xAPIC or x2APIC mode with default or custom APIC IDs (x2APIC IDs
 * beyond 8 bits included); no IOMMU, one, or two covering different buses, each VT-d or AMD-Vi, with
 * remapping on or off, 1 to 16 entries, every {@code source_check}, compatibility format blocked or
 * allowed, posting on or off; up to 4 devices on one or two bus blocks, functions that share a bus
 * number (and sometimes differ only in segment), sub-devices sharing their parent's requester id;
 * up to two guests with 1 to 3 vCPUs under a hypervisor whose {@code cpuid}, compose hypercall,
 * {@code ext_dest_id} and traps are random; and stacks with or without {@code remap} and
 * {@code hcall}, sized so that tables and vectors sometimes run out.
 */
public final class SmallPlatforms {

    private static final int[] XAPIC_IDS = {0, 1, 2, 3, 4, 7, 8, 0x0f, 0x10, 0x1f, 0x20, 0x7f, 0x80, 0xfd, 0xfe};
    private static final int[] X2APIC_IDS = {0, 1, 2, 3, 0x10, 0xfe, 0xff, 0x100, 0x101, 0x1ff, 0x7fff, 0x8000, 0xffff,
            0x10000, 0x7fffffff};
    private static final String[] BUSES = {"pci0", "pci1"};

    private SmallPlatforms() {
    }

    public static PlatformModel next(Random random) {
        PlatformBuilder builder = PlatformBuilder.platform("Small");
        ApicMode apic = random.nextBoolean() ? ApicMode.XAPIC : ApicMode.X2APIC;
        builder.apicIds(apic, apicIds(random, 1 + random.nextInt(4), apic));

        int busCount = 1 + random.nextInt(2);
        Map<String, List<PlatformBuilder.DeviceSpec>> buses = devices(random, busCount);
        List<IommuModel> units = iommus(random, busCount);
        units.forEach(builder::iommu);

        int guestCount = random.nextInt(3);
        HypervisorModel hv = guestCount > 0 || random.nextBoolean() ? hypervisor(random) : null;
        if (hv != null) {
            builder.hypervisor(hv);
        }
        buses.forEach((bus, specs) -> builder.bus(bus, specs.toArray(PlatformBuilder.DeviceSpec[]::new)));

        List<String> kernels = new ArrayList<>(List.of("host", "vm0", "vm1").subList(0, 1 + guestCount));
        Map<String, List<String>> assigned = new LinkedHashMap<>();
        Map<String, List<StackModel>> stacks = new LinkedHashMap<>();
        for (String kernel : kernels) {
            assigned.put(kernel, new ArrayList<>());
            stacks.put(kernel, new ArrayList<>());
        }
        buses.forEach((bus, specs) -> {
            Optional<IommuModel> remapping = units.stream().filter(u -> u.covers(bus) && u.remapping()).findFirst();
            for (PlatformBuilder.DeviceSpec d : specs) {
                String owner = kernels.get(random.nextInt(kernels.size()));
                assigned.get(owner).add(d.name());
                for (StorageModel storage : d.storages()) {
                    if (random.nextInt(4) != 0) {
                        stacks.get(owner).add(stack(random, owner, d.name(), storage, remapping, hv));
                    }
                }
            }
        });
        builder.host(stacks.get("host").toArray(StackModel[]::new));
        for (String guest : kernels.subList(1, kernels.size())) {
            builder.guest(guest, 1 + random.nextInt(3), assigned.get(guest), stacks.get(guest).toArray(StackModel[]::new));
        }
        return builder.build();
    }

    /** Default IDs (CPU number) a third of the time, else distinct IDs from values near the format's limits. */
    private static Integer[] apicIds(Random random, int cpus, ApicMode apic) {
        Integer[] ids = new Integer[cpus];
        if (random.nextInt(3) == 0) {
            for (int cpu = 0; cpu < cpus; cpu++) {
                ids[cpu] = cpu;
            }
            return ids;
        }
        int[] pool = apic == ApicMode.XAPIC ? XAPIC_IDS : X2APIC_IDS;
        Set<Integer> taken = new HashSet<>();
        for (int cpu = 0; cpu < cpus; cpu++) {
            int id;
            do {
                id = random.nextInt(4) == 0 ? random.nextInt(apic == ApicMode.XAPIC ? 0xff : 0x400) : pool[random.nextInt(pool.length)];
            } while (!taken.add(id));
            ids[cpu] = id;
        }
        return ids;
    }

    /**
     * One to four devices. Functions take requester ids from a few buses (3 and 4, segment 0 or 1),
     * so that several share a bus number; a sub-device joins an earlier function of its bus block.
     */
    private static Map<String, List<PlatformBuilder.DeviceSpec>> devices(Random random, int busCount) {
        Map<String, List<PlatformBuilder.DeviceSpec>> buses = new LinkedHashMap<>();
        for (int b = 0; b < busCount; b++) {
            buses.put(BUSES[b], new ArrayList<>());
        }
        Set<RequesterId> used = new HashSet<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String bus = BUSES[random.nextInt(busCount)];
            List<PlatformBuilder.DeviceSpec> onBus = buses.get(bus);
            List<PlatformBuilder.DeviceSpec> parents = onBus.stream().filter(d -> d.parent().isEmpty()).toList();
            if (!parents.isEmpty() && random.nextInt(3) == 0) {
                PlatformBuilder.DeviceSpec parent = parents.get(random.nextInt(parents.size()));
                onBus.add(PlatformBuilder.subDevice("d" + i, parent, 1 + random.nextInt(8), imsStorage(random)));
                continue;
            }
            RequesterId rid;
            do {
                rid = RequesterId.of(random.nextInt(6) == 0 ? 1 : 0, 3 + random.nextInt(2), random.nextInt(2), random.nextInt(3));
            } while (!used.add(rid));
            onBus.add(new PlatformBuilder.DeviceSpec("d" + i, rid, 0, Optional.empty(), functionStorages(random)));
        }
        return buses;
    }

    /** A non-empty choice of MSI (1, 2 or 4 messages), MSI-X (1..4) and one IMS storage (1..4). */
    private static List<StorageModel> functionStorages(Random random) {
        List<StorageModel> storages = new ArrayList<>();
        while (storages.isEmpty()) {
            if (random.nextBoolean()) {
                storages.add(PlatformBuilder.msi(1 << random.nextInt(3)));
            }
            if (random.nextBoolean()) {
                storages.add(PlatformBuilder.msix(1 + random.nextInt(4)));
            }
            if (random.nextInt(3) == 0) {
                storages.add(imsStorage(random));
            }
        }
        return storages;
    }

    private static StorageModel imsStorage(Random random) {
        return StorageModel.of(random.nextBoolean() ? StorageKind.IMS_DEVICE : StorageKind.IMS_QUEUE, 1 + random.nextInt(4));
    }

    /** None a quarter of the time; one unit covering every bus (or only the first); or one unit per bus. */
    private static List<IommuModel> iommus(Random random, int busCount) {
        int choice = random.nextInt(4);
        List<IommuModel> units = new ArrayList<>();
        if (choice == 0) {
            return units;
        }
        if (choice == 3 && busCount == 2) {
            units.add(PlatformBuilder.covering(unit(random, "dmar0"), BUSES[0]));
            units.add(PlatformBuilder.covering(unit(random, "dmar1"), BUSES[1]));
        } else if (busCount == 2 && random.nextInt(3) == 0) {
            units.add(PlatformBuilder.covering(unit(random, "dmar0"), BUSES[0]));
        } else {
            units.add(PlatformBuilder.covering(unit(random, "dmar0"), List.of(BUSES).subList(0, busCount).toArray(String[]::new)));
        }
        return units;
    }

    private static IommuModel unit(Random random, String name) {
        int entries = 1 << random.nextInt(5);
        IommuModel unit;
        if (random.nextBoolean()) {
            unit = PlatformBuilder.withEntries(PlatformBuilder.vtdUnit(name), entries);
            unit = PlatformBuilder.withSourceCheck(unit, SourceCheck.values()[random.nextInt(3)]);
            unit = random.nextBoolean() ? PlatformBuilder.withCompatAllowed(unit) : unit;
            unit = random.nextBoolean() ? PlatformBuilder.withPosted(unit) : unit;
        } else {
            unit = PlatformBuilder.amdViUnit(name, entries);
        }
        return random.nextInt(5) == 0 ? PlatformBuilder.withRemappingOff(unit) : unit;
    }

    private static HypervisorModel hypervisor(Random random) {
        List<StorageKind> traps = new ArrayList<>();
        for (StorageKind kind : new StorageKind[] {StorageKind.MSI, StorageKind.MSIX, StorageKind.IMS_DEVICE}) {
            if (random.nextBoolean()) {
                traps.add(kind);
            }
        }
        return PlatformBuilder.hypervisorWith(random.nextInt(4) != 0, random.nextBoolean(), random.nextBoolean(),
                traps.toArray(StorageKind[]::new));
    }

    /**
     * A stack for one storage: MSI asks for 1, 2 or 4 messages (above 1 without {@code remap} it is
     * refused, as x86 requires), the others for 1 to all slots; the host remaps through the unit
     * covering the device most of the time, a guest uses the hypercall half the time it can.
     */
    private static StackModel stack(Random random, String kernel, String device, StorageModel storage,
                                    Optional<IommuModel> remapping, HypervisorModel hv) {
        int alloc = storage.kind() == StorageKind.MSI
                ? 1 << random.nextInt(Integer.numberOfTrailingZeros(storage.size()) + 1)
                : 1 + random.nextInt(storage.size());
        if (kernel.equals("host")) {
            Optional<String> remap = remapping.isPresent() && random.nextInt(4) != 0
                    ? Optional.of(remapping.get().name()) : Optional.empty();
            return new StackModel(device, storage.kind(), remap, false, alloc);
        }
        boolean hcall = hv.composeHypercall() && hv.cpuidVisible() && random.nextBoolean();
        return new StackModel(device, storage.kind(), Optional.empty(), hcall, alloc);
    }
}
