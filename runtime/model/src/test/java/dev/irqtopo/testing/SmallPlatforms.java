package dev.irqtopo.testing;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.BridgeModel;
import dev.irqtopo.model.BusModel;
import dev.irqtopo.model.DeviceModel;
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
 * beyond 8 bits, and 0xFF, which only the broadcast reaches, included; destinations nobody has);
 * no IOMMU, one, or two covering different buses, each VT-d or AMD-Vi, with remapping on or off, 1 to 16
 * entries (now and then a 65536-entry VT-d table or an AMD-Vi table of 1024 or 2048 entries, 2K mode),
 * every {@code source_check}, compatibility format blocked or allowed (in x2APIC mode too), posting on
 * or off; up to 5 devices on one or two bus blocks, functions that share a bus number (and sometimes
 * differ only in segment), sub-devices sharing their parent's requester id, and now and then a
 * PCIe-to-PCI bridge with functions (and their sub-devices) behind it, seen with its alias; up to two
 * guests with 1 to 3 vCPUs under a hypervisor whose {@code cpuid}, compose hypercall,
 * {@code ext_dest_id} and traps are random; and stacks with or without {@code remap} and
 * {@code hcall}, multi-message MSI of any count within the capacity (3, 5, 6, 7 included), sized so
 * that tables and vectors sometimes run out.
 */
public final class SmallPlatforms {

    private static final int[] XAPIC_IDS = {0, 1, 2, 3, 4, 7, 8, 0x0f, 0x10, 0x1f, 0x20, 0x7f, 0x80, 0xfd, 0xfe};
    /** 0xFF twice: a CPU that only the broadcast destination reaches is worth drawing often. */
    private static final int[] X2APIC_IDS = {0, 1, 2, 3, 0x10, 0xfe, 0xff, 0xff, 0x100, 0x101, 0x1ff, 0x7fff, 0x8000, 0xffff,
            0x10000, 0x7fffffff};
    /** The secondary buses of bridges: no function outside a bridge uses them. */
    private static final int[] SECONDARY_BUSES = {5, 6};
    private static final String[] BUSES = {"pci0", "pci1"};

    private SmallPlatforms() {
    }

    public static PlatformModel next(Random random) {
        PlatformBuilder builder = PlatformBuilder.platform("Small");
        ApicMode apic = random.nextBoolean() ? ApicMode.XAPIC : ApicMode.X2APIC;
        builder.apicIds(apic, apicIds(random, 1 + random.nextInt(4), apic));

        int busCount = 1 + random.nextInt(2);
        Map<String, BusModel> buses = devices(random, busCount);
        List<IommuModel> units = iommus(random, busCount);
        units.forEach(builder::iommu);

        int guestCount = random.nextInt(3);
        HypervisorModel hv = guestCount > 0 || random.nextBoolean() ? hypervisor(random) : null;
        if (hv != null) {
            builder.hypervisor(hv);
        }
        buses.values().forEach(builder::bus);

        List<String> kernels = new ArrayList<>(List.of("host", "vm0", "vm1").subList(0, 1 + guestCount));
        Map<String, List<String>> assigned = new LinkedHashMap<>();
        Map<String, List<StackModel>> stacks = new LinkedHashMap<>();
        for (String kernel : kernels) {
            assigned.put(kernel, new ArrayList<>());
            stacks.put(kernel, new ArrayList<>());
        }
        buses.forEach((bus, block) -> {
            Optional<IommuModel> remapping = units.stream().filter(u -> u.covers(bus) && u.remapping()).findFirst();
            for (DeviceModel d : block.devices()) {
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
     * One to five devices. Functions take requester ids from a few buses (3 and 4, segment 0 or 1),
     * so that several share a bus number; a sub-device joins an earlier function of its bus block
     * (behind that function's bridge, if it has one). A quarter of the platforms put a PCIe-to-PCI
     * bridge in a bus block, on bus 0 of segment 0 or 1, whose functions sit on its own secondary bus
     * (device 0 or 1, so one of them is sometimes the alias itself); a bridge may stay empty.
     */
    private static Map<String, BusModel> devices(Random random, int busCount) {
        Map<String, List<DeviceModel>> buses = new LinkedHashMap<>();
        Map<String, BridgeModel> bridges = new LinkedHashMap<>();
        for (int b = 0; b < busCount; b++) {
            buses.put(BUSES[b], new ArrayList<>());
        }
        if (random.nextInt(4) == 0) {
            int b = random.nextInt(busCount);
            int segment = random.nextInt(4) == 0 ? 1 : 0;
            bridges.put(BUSES[b], new BridgeModel("br" + b, RequesterId.of(segment, 0, 0x1c + b, 0), SECONDARY_BUSES[b]));
        }
        Set<RequesterId> used = new HashSet<>();
        int count = 1 + random.nextInt(bridges.isEmpty() ? 4 : 5);
        for (int i = 0; i < count; i++) {
            String bus = BUSES[random.nextInt(busCount)];
            List<DeviceModel> onBus = buses.get(bus);
            List<DeviceModel> parents = onBus.stream().filter(d -> !d.isSubDevice()).toList();
            if (!parents.isEmpty() && random.nextInt(3) == 0) {
                DeviceModel parent = parents.get(random.nextInt(parents.size()));
                onBus.add(new DeviceModel("d" + i, bus, parent.requesterId(), 1 + random.nextInt(8), Optional.of(parent.name()),
                        List.of(imsStorage(random)), parent.bridge()));
                continue;
            }
            BridgeModel bridge = bridges.get(bus);
            boolean behind = bridge != null && random.nextBoolean();
            RequesterId rid;
            do {
                rid = behind
                        ? RequesterId.of(bridge.requesterId().segment(), bridge.secondaryBus(), random.nextInt(2), random.nextInt(3))
                        : RequesterId.of(random.nextInt(6) == 0 ? 1 : 0, 3 + random.nextInt(2), random.nextInt(2), random.nextInt(3));
            } while (!used.add(rid));
            onBus.add(new DeviceModel("d" + i, bus, rid, 0, Optional.empty(), functionStorages(random),
                    behind ? Optional.of(bridge) : Optional.empty()));
        }
        Map<String, BusModel> blocks = new LinkedHashMap<>();
        buses.forEach((bus, devices) -> blocks.put(bus, new BusModel(bus, devices,
                bridges.containsKey(bus) ? List.of(bridges.get(bus)) : List.of())));
        return blocks;
    }

    /** A non-empty choice of MSI (1, 2, 4 or 8 messages), MSI-X (1..4) and one IMS storage (1..4). */
    private static List<StorageModel> functionStorages(Random random) {
        List<StorageModel> storages = new ArrayList<>();
        while (storages.isEmpty()) {
            if (random.nextBoolean()) {
                storages.add(PlatformBuilder.msi(1 << random.nextInt(4)));
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
            entries = random.nextInt(12) == 0 ? IommuModel.VTD_MAX_ENTRIES : entries;
            unit = PlatformBuilder.withEntries(PlatformBuilder.vtdUnit(name), entries);
            unit = PlatformBuilder.withSourceCheck(unit, SourceCheck.values()[random.nextInt(3)]);
            unit = random.nextBoolean() ? PlatformBuilder.withCompatAllowed(unit) : unit;
            unit = random.nextBoolean() ? PlatformBuilder.withPosted(unit) : unit;
        } else {
            entries = random.nextInt(8) == 0 ? 1024 << random.nextInt(2) : entries;
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
     * A stack for one storage: MSI asks for a power of two half the time and any count up to its
     * capacity otherwise (above 1 without {@code remap} or {@code hcall} it is refused, as x86
     * requires), the others for 1 to all slots; the host remaps through the unit
     * covering the device most of the time, a guest uses the hypercall half the time it can.
     */
    private static StackModel stack(Random random, String kernel, String device, StorageModel storage,
                                    Optional<IommuModel> remapping, HypervisorModel hv) {
        int alloc = storage.kind() == StorageKind.MSI && random.nextBoolean()
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
