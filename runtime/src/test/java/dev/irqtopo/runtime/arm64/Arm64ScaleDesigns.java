package dev.irqtopo.runtime.arm64;

import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.BusModel;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.ExpectedVerdict;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.StorageModel;
import dev.irqtopo.model.arm.Arm64GuestModel;
import dev.irqtopo.model.arm.Arm64HypervisorModel;
import dev.irqtopo.model.arm.ArmCpus;
import dev.irqtopo.model.arm.GicModel;
import dev.irqtopo.model.arm.GicStackModel;
import dev.irqtopo.model.arm.ItsModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Large arm64 platforms for the scale test and the benchmarks: {@code devices} functions on one bus
 * behind one ITS (16 DeviceID and EventID bits, the requester id as DeviceID) and an SMMU, on 64 CPUs.
 * Function {@code i} is 00:00.0 + 0x100 + i with an MSI-X table of {@code table} entries; every tenth is
 * assigned, ten to a guest of two vCPUs, its MSI-X trapped and allocated {@code guestAlloc}; the others
 * are the host's, allocated {@code hostAlloc}.
 */
public final class Arm64ScaleDesigns {

    public static final int CPUS = 64;
    public static final int PER_GUEST = 10;
    public static final long FIRST_RID = 0x100;

    private Arm64ScaleDesigns() {
    }

    /** {@code devices} functions, MSI-X tables of 4: the host's allocate 4 LPIs each, the guests' 2 (backed by 4). */
    public static Arm64PlatformModel platform(int devices) {
        return platform(devices, 4, 4, 2);
    }

    public static boolean assigned(int device) {
        return device % 10 == 9;
    }

    public static Arm64PlatformModel platform(int devices, int table, int hostAlloc, int guestAlloc) {
        List<DeviceModel> functions = new ArrayList<>(devices);
        List<GicStackModel> host = new ArrayList<>();
        List<Arm64GuestModel> guests = new ArrayList<>();
        List<String> assigned = new ArrayList<>();
        List<GicStackModel> guestStacks = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            String name = "f" + i;
            functions.add(new DeviceModel(name, "pci0", rid(FIRST_RID + i), 0, Optional.empty(),
                    List.of(StorageModel.of(StorageKind.MSIX, table))));
            if (assigned(i)) {
                assigned.add(name);
                guestStacks.add(new GicStackModel(name, StorageKind.MSIX, Optional.empty(), guestAlloc));
                if (assigned.size() == PER_GUEST) {
                    guests.add(new Arm64GuestModel("vm" + guests.size(), 2, assigned, guestStacks));
                    assigned = new ArrayList<>();
                    guestStacks = new ArrayList<>();
                }
            } else {
                host.add(new GicStackModel(name, StorageKind.MSIX, Optional.of("its0"), hostAlloc));
            }
        }
        if (!assigned.isEmpty()) {
            guests.add(new Arm64GuestModel("vm" + guests.size(), 2, assigned, guestStacks));
        }
        GicModel gic = new GicModel(3, 16, List.of(ItsModel.atBase("its0", 0x0808_0000L, 16, 16)), List.of());
        return new Arm64PlatformModel("", "Scale" + devices, "", ArmCpus.virt(CPUS), gic, Map.of(), Set.of("pci0"),
                Optional.of(new Arm64HypervisorModel(Set.of(StorageKind.MSIX), false)),
                List.of(new BusModel("pci0", functions)), host, guests, Optional.of(ExpectedVerdict.ISOLATED));
    }

    private static RequesterId rid(long rid) {
        return RequesterId.of((int) (rid >> 8), (int) (rid >> 3) & 0x1f, (int) rid & 7);
    }
}
