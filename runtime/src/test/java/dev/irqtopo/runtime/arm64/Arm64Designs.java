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
import dev.irqtopo.model.arm.MsiMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Arm64 platform models built by hand for the tests, one bus {@code pci0}. */
public final class Arm64Designs {

    private final List<DeviceModel> devices = new ArrayList<>();
    private final List<GicStackModel> host = new ArrayList<>();
    private final Map<String, List<String>> assigned = new LinkedHashMap<>();
    private final Map<String, List<GicStackModel>> guestStacks = new LinkedHashMap<>();
    private final Map<String, Integer> guestCpus = new LinkedHashMap<>();
    private final int cpus;
    private final GicModel gic;
    private Optional<MsiMap> msiMap = Optional.empty();
    private boolean smmu = true;
    private Set<StorageKind> traps = Set.of(StorageKind.MSI, StorageKind.MSIX);
    private boolean vlpi;

    public Arm64Designs(int cpus, GicModel gic) {
        this.cpus = cpus;
        this.gic = gic;
    }

    public Arm64Designs function(String name, String rid, StorageKind kind, int size) {
        devices.add(new DeviceModel(name, "pci0", RequesterId.parse(rid), 0, Optional.empty(),
                List.of(StorageModel.of(kind, size))));
        return this;
    }

    public boolean hasRequester(String rid) {
        return devices.stream().anyMatch(d -> d.requesterId().equals(RequesterId.parse(rid)));
    }

    public Arm64Designs msiMap(MsiMap map) {
        msiMap = Optional.of(map);
        return this;
    }

    public Arm64Designs noSmmu() {
        smmu = false;
        return this;
    }

    public Arm64Designs traps(Set<StorageKind> kinds) {
        traps = kinds;
        return this;
    }

    public Arm64Designs vlpi() {
        vlpi = true;
        return this;
    }

    public Arm64Designs hostStack(String device, StorageKind kind, String controller, int alloc) {
        host.add(new GicStackModel(device, kind, Optional.of(controller), alloc));
        return this;
    }

    public Arm64Designs guest(String name, int vcpus, String device, StorageKind kind, int alloc) {
        guestCpus.putIfAbsent(name, vcpus);
        assigned.computeIfAbsent(name, g -> new ArrayList<>()).add(device);
        guestStacks.computeIfAbsent(name, g -> new ArrayList<>()).add(new GicStackModel(device, kind, Optional.empty(), alloc));
        return this;
    }

    public Arm64PlatformModel build() {
        List<Arm64GuestModel> guests = new ArrayList<>();
        guestCpus.forEach((g, n) -> guests.add(new Arm64GuestModel(g, n, assigned.get(g), guestStacks.get(g))));
        return new Arm64PlatformModel("", "T", "", ArmCpus.virt(cpus), gic,
                msiMap.map(m -> Map.of("pci0", m)).orElse(Map.of()), smmu ? Set.of("pci0") : Set.of(),
                guests.isEmpty() && !vlpi ? Optional.empty() : Optional.of(new Arm64HypervisorModel(traps, vlpi)),
                List.of(new BusModel("pci0", devices)), host, guests, Optional.of(ExpectedVerdict.ISOLATED));
    }
}
