package dev.irqtopo.runtime.riscv64;

import dev.irqtopo.model.BridgeModel;
import dev.irqtopo.model.BusModel;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.ExpectedVerdict;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.RiscvPlatformModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.StorageModel;
import dev.irqtopo.model.riscv.Harts;
import dev.irqtopo.model.riscv.ImsicGeometry;
import dev.irqtopo.model.riscv.ImsicPlacement;
import dev.irqtopo.model.riscv.ImsicStackModel;
import dev.irqtopo.model.riscv.MsiTranslationMode;
import dev.irqtopo.model.riscv.RiscvGuestModel;
import dev.irqtopo.model.riscv.RiscvHypervisorModel;
import dev.irqtopo.model.riscv.RiscvIommuModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * riscv64 platform models built by hand for the tests: one bus {@code pci0}, QEMU virt's IMSIC bases
 * (M files from 0x24000000, S files from 0x28000000, D = 12 + ⌈log2(guest files + 1)⌉), every file
 * with the same identities, and a bridge {@code br} (00:1e.0, secondary bus 5) for functions that share
 * its alias requester id 05:00.0.
 */
public final class RiscvDesigns {

    static final BridgeModel BRIDGE = new BridgeModel("br", RequesterId.parse("00:1e.0"), 5);

    private final List<DeviceModel> devices = new ArrayList<>();
    private final List<ImsicStackModel> host = new ArrayList<>();
    private final Map<String, List<String>> assigned = new LinkedHashMap<>();
    private final Map<String, List<ImsicStackModel>> guestStacks = new LinkedHashMap<>();
    private final Map<String, Integer> guestCpus = new LinkedHashMap<>();
    private final int harts;
    private final int guestFiles;
    private final int identities;
    private Optional<MsiTranslationMode> iommu = Optional.of(MsiTranslationMode.FLAT);
    private Set<StorageKind> traps = Set.of(StorageKind.MSI, StorageKind.MSIX);

    public RiscvDesigns(int harts, int guestFiles, int identities) {
        this.harts = harts;
        this.guestFiles = guestFiles;
        this.identities = identities;
    }

    /** The geometry of {@code harts} harts in one group, QEMU virt's bases. */
    public static ImsicGeometry geometry(int harts, int guestFiles, int identities) {
        return new ImsicGeometry(Harts.of(harts), guestFiles, identities, identities, identities,
                new ImsicPlacement(ImsicGeometry.VIRT_MACHINE_BASE, ImsicPlacement.PAGE_SHIFT,
                        ImsicGeometry.VIRT_SUPERVISOR_BASE, ImsicGeometry.minimumSupervisorShift(guestFiles),
                        ImsicGeometry.VIRT_GROUP_SHIFT));
    }

    public RiscvDesigns function(String name, String rid, StorageKind kind, int size) {
        devices.add(new DeviceModel(name, "pci0", RequesterId.parse(rid), 0, Optional.empty(),
                List.of(StorageModel.of(kind, size))));
        return this;
    }

    /** A conventional PCI function behind {@link #BRIDGE}, device {@code slot} of bus 5. */
    public RiscvDesigns bridged(String name, int slot, StorageKind kind, int size) {
        devices.add(new DeviceModel(name, "pci0", RequesterId.of(0, 5, slot, 0), 0, Optional.empty(),
                List.of(StorageModel.of(kind, size)), Optional.of(BRIDGE)));
        return this;
    }

    /** An assignable interface of {@code parent} with its own PASID: the IOMMU sees the parent's requester id. */
    public RiscvDesigns subDevice(String name, String parent, int pasid, StorageKind kind, int size) {
        DeviceModel of = devices.stream().filter(d -> d.name().equals(parent)).findFirst().orElseThrow();
        devices.add(new DeviceModel(name, "pci0", of.requesterId(), pasid, Optional.of(parent),
                List.of(StorageModel.of(kind, size)), of.bridge()));
        return this;
    }

    public boolean hasRequester(RequesterId rid) {
        return devices.stream().anyMatch(d -> d.requesterId().equals(rid));
    }

    /** The IOMMU over pci0 with this MSI translation. */
    public RiscvDesigns iommu(MsiTranslationMode mode) {
        iommu = Optional.of(mode);
        return this;
    }

    public RiscvDesigns noIommu() {
        iommu = Optional.empty();
        return this;
    }

    public RiscvDesigns traps(Set<StorageKind> kinds) {
        traps = kinds;
        return this;
    }

    public RiscvDesigns hostStack(String device, StorageKind kind, int alloc) {
        host.add(new ImsicStackModel(device, kind, alloc));
        return this;
    }

    /** Assigns {@code device} to guest {@code name} (created with {@code vcpus} vCPUs) and gives it a stack. */
    public RiscvDesigns guest(String name, int vcpus, String device, StorageKind kind, int alloc) {
        assign(name, vcpus, device);
        guestStacks.get(name).add(new ImsicStackModel(device, kind, alloc));
        return this;
    }

    /** Assigns {@code device} to guest {@code name} without a stack. */
    public RiscvDesigns assign(String name, int vcpus, String device) {
        guestCpus.putIfAbsent(name, vcpus);
        assigned.computeIfAbsent(name, g -> new ArrayList<>()).add(device);
        guestStacks.computeIfAbsent(name, g -> new ArrayList<>());
        return this;
    }

    public RiscvPlatformModel build() {
        List<RiscvGuestModel> guests = new ArrayList<>();
        guestCpus.forEach((g, n) -> guests.add(new RiscvGuestModel(g, n, assigned.get(g), guestStacks.get(g))));
        return new RiscvPlatformModel("", "T", "", geometry(harts, guestFiles, identities),
                iommu.map(m -> List.of(new RiscvIommuModel("iommu0", m, List.of("pci0")))).orElse(List.of()),
                guests.isEmpty() ? Optional.empty() : Optional.of(new RiscvHypervisorModel(traps)),
                List.of(new BusModel("pci0", devices, devices.stream().anyMatch(d -> d.bridge().isPresent())
                        ? List.of(BRIDGE) : List.of())), host, guests, Optional.of(ExpectedVerdict.ISOLATED));
    }
}
