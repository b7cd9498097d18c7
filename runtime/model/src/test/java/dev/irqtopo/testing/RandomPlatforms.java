package dev.irqtopo.testing;

import static dev.irqtopo.testing.PlatformBuilder.amdViUnit;
import static dev.irqtopo.testing.PlatformBuilder.device;
import static dev.irqtopo.testing.PlatformBuilder.imsDevice;
import static dev.irqtopo.testing.PlatformBuilder.imsQueue;
import static dev.irqtopo.testing.PlatformBuilder.msi;
import static dev.irqtopo.testing.PlatformBuilder.msix;
import static dev.irqtopo.testing.PlatformBuilder.subDevice;
import static dev.irqtopo.testing.PlatformBuilder.vtdUnit;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.HypervisorModel;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.SourceCheck;
import dev.irqtopo.model.StackModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.StorageModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Small random platforms the checker would accept: two host CPUs (APIC IDs 0 and 1), no IOMMU or
 * one VT-d or AMD-Vi unit of 4 or 16 entries with random settings, a hypervisor with random traps and
 * offers, devices and sub-devices spread over the host and two guests, and random stacks. Small
 * tables and few CPUs make exhaustion, drops and rollbacks common.
 */
public final class RandomPlatforms {

    /** Table sizes: small enough that requests, traps and hypercalls run out of entries often. */
    private static final int[] ENTRIES = {4, 16};
    private static final String[] KERNELS = {"host", "vm0", "vm1"};

    private RandomPlatforms() {
    }

    public static PlatformModel next(Random random) {
        PlatformBuilder builder = PlatformBuilder.platform("Random").apicIds(ApicMode.X2APIC, 0, 1);
        IommuModel unit = iommu(random);
        if (unit != null) {
            builder.iommu(unit);
        }
        HypervisorModel hv = PlatformBuilder.hypervisorWith(random.nextInt(4) != 0, random.nextBoolean(), random.nextBoolean(),
                traps(random));
        builder.hypervisor(hv);
        PlatformBuilder.DeviceSpec dev = device("dev", "03:00.0", msix(8));
        List<PlatformBuilder.DeviceSpec> devices = List.of(dev,
                subDevice("adi1", dev, 1, imsQueue(8)),
                subDevice("adi2", dev, 2, imsDevice(8)),
                device("vf", "03:00.1", msix(4), imsQueue(4)),
                device("ahci", "04:00.0", msi(4)));
        builder.bus("pci0", devices.toArray(PlatformBuilder.DeviceSpec[]::new));

        Map<String, List<String>> assigned = new HashMap<>();
        Map<String, List<StackModel>> stacks = new HashMap<>();
        for (String kernel : KERNELS) {
            assigned.put(kernel, new ArrayList<>());
            stacks.put(kernel, new ArrayList<>());
        }
        for (PlatformBuilder.DeviceSpec d : devices) {
            String owner = KERNELS[random.nextInt(KERNELS.length)];
            assigned.get(owner).add(d.name());
            for (StorageModel storage : d.storages()) {
                if (random.nextInt(3) != 0) {
                    stacks.get(owner).add(stack(random, owner, d.name(), storage, unit, hv));
                }
            }
        }
        builder.host(stacks.get("host").toArray(StackModel[]::new));
        builder.guest("vm0", 2, assigned.get("vm0"), stacks.get("vm0").toArray(StackModel[]::new));
        builder.guest("vm1", 1, assigned.get("vm1"), stacks.get("vm1").toArray(StackModel[]::new));
        return builder.build();
    }

    /** Every device of the model, in declaration order. */
    public static List<DeviceModel> devices(PlatformModel model) {
        return model.devices();
    }

    private static IommuModel iommu(Random random) {
        switch (random.nextInt(3)) {
            case 0:
                return null;
            case 1:
                IommuModel vtd = PlatformBuilder.withEntries(vtdUnit("dmar0"), ENTRIES[random.nextInt(2)]);
                vtd = PlatformBuilder.withSourceCheck(vtd, SourceCheck.values()[random.nextInt(3)]);
                vtd = random.nextInt(3) == 0 ? PlatformBuilder.withCompatAllowed(vtd) : vtd;
                return random.nextBoolean() ? PlatformBuilder.withPosted(vtd) : vtd;
            default:
                return amdViUnit("dmar0", ENTRIES[random.nextInt(2)]);
        }
    }

    private static StorageKind[] traps(Random random) {
        List<StorageKind> traps = new ArrayList<>();
        for (StorageKind kind : new StorageKind[] {StorageKind.MSI, StorageKind.MSIX, StorageKind.IMS_DEVICE}) {
            if (random.nextBoolean()) {
                traps.add(kind);
            }
        }
        return traps.toArray(StorageKind[]::new);
    }

    private static StackModel stack(Random random, String kernel, String device, StorageModel storage, IommuModel unit,
                                    HypervisorModel hv) {
        int alloc = storage.kind() == StorageKind.MSI ? 1 << random.nextInt(3) : 1 + random.nextInt(3);
        boolean host = kernel.equals("host");
        Optional<String> remap = host && unit != null && random.nextInt(4) != 0 ? Optional.of(unit.name()) : Optional.empty();
        boolean hcall = !host && hv.composeHypercall() && hv.cpuidVisible() && random.nextBoolean();
        return new StackModel(device, storage.kind(), remap, hcall, alloc);
    }
}
