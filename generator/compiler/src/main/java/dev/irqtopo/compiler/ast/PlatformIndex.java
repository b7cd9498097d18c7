package dev.irqtopo.compiler.ast;

import dev.irqtopo.model.Architecture;
import dev.irqtopo.model.BusDomainKind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lookups over one platform's declarations (what a block leaves out is {@link Defaults}'). Where a name
 * or block is declared twice (an error of its own), the first declaration counts, so that the checker
 * can go on judging the rest of the file and the model builder, which only sees files without errors,
 * reads the same answers.
 */
public final class PlatformIndex {

    private final Platform platform;
    private final Map<String, DeviceDecl> devices = new LinkedHashMap<>();
    private final Map<String, BridgeDecl> bridges = new LinkedHashMap<>();
    /** The bridge block each device is declared in, for those declared in one. */
    private final Map<DeviceDecl, BridgeDecl> bridgeBlocks = new IdentityHashMap<>();
    private final Map<String, IommuDecl> iommus = new LinkedHashMap<>();
    private final Map<String, MsiControllerDecl> msiControllers = new LinkedHashMap<>();
    private final Map<String, SmmuDecl> smmus = new LinkedHashMap<>();
    private final Map<String, BusDecl> buses = new LinkedHashMap<>();
    private final Map<String, GuestDecl> guests = new LinkedHashMap<>();
    private final Map<String, GuestDecl> owners = new LinkedHashMap<>();
    private final List<IommuDecl> iommuList;
    /** The IOMMUs whose {@code covers} names each bus, in source order. */
    private final Map<String, List<IommuDecl>> covering = new HashMap<>();
    /** The declared buses each IOMMU covers, in source order. */
    private final Map<IommuDecl, List<String>> covered = new IdentityHashMap<>();

    private PlatformIndex(Platform platform) {
        this.platform = platform;
        platform.devices().forEach(d -> devices.putIfAbsent(d.name().text(), d));
        for (BridgeDecl bridge : platform.bridges()) {
            bridges.putIfAbsent(bridge.name().text(), bridge);
            bridge.devices().forEach(d -> bridgeBlocks.put(d, bridge));
        }
        platform.iommus().forEach(i -> iommus.putIfAbsent(i.name().text(), i));
        platform.msiControllers().forEach(c -> msiControllers.putIfAbsent(c.name().text(), c));
        platform.smmus().forEach(s -> smmus.putIfAbsent(s.name().text(), s));
        platform.buses().forEach(b -> buses.putIfAbsent(b.name().text(), b));
        platform.guests().forEach(g -> guests.putIfAbsent(g.name().text(), g));
        for (GuestDecl guest : platform.guests()) {
            guest.assigned().forEach(d -> owners.putIfAbsent(d.text(), guest));
        }
        this.iommuList = platform.iommus();
        for (IommuDecl iommu : iommuList) {
            covered.put(iommu, new ArrayList<>());
            for (IommuProp prop : iommu.props()) {
                if (prop instanceof IommuProp.Covers covers) {
                    for (Name bus : covers.buses()) {
                        // units come in source order, so one that names a bus twice is the list's last
                        List<IommuDecl> units = covering.computeIfAbsent(bus.text(), b -> new ArrayList<>());
                        if (units.isEmpty() || units.get(units.size() - 1) != iommu) {
                            units.add(iommu);
                        }
                    }
                }
            }
        }
        for (String bus : buses.keySet()) {
            iommusCovering(bus).forEach(iommu -> covered.get(iommu).add(bus));
        }
    }

    public static PlatformIndex of(Platform platform) {
        return new PlatformIndex(platform);
    }

    public Platform platform() {
        return platform;
    }

    public Optional<DeviceDecl> device(String name) {
        return Optional.ofNullable(devices.get(name));
    }

    public Optional<BridgeDecl> bridge(String name) {
        return Optional.ofNullable(bridges.get(name));
    }

    /** The bridge block a device is declared in, if any; where it sits is {@link #bridgeOf}'s answer. */
    public Optional<BridgeDecl> bridgeBlock(DeviceDecl device) {
        return Optional.ofNullable(bridgeBlocks.get(device));
    }

    /**
     * The bridge a device sits behind: for a function, the bridge block it is declared in; for a
     * sub-device, its parent's, wherever in the bus block the sub-device itself is declared (it shares
     * the parent's requester id, so it sits where the parent is).
     */
    public Optional<BridgeDecl> bridgeOf(DeviceDecl device) {
        if (device.address() instanceof DeviceAddress.SubDevice sub) {
            return (sub.parent().keyword() ? Optional.<DeviceDecl>empty() : device(sub.parent().text()))
                    .filter(parent -> !parent.isSubDevice())
                    .flatMap(this::bridgeBlock);
        }
        return bridgeBlock(device);
    }

    /** The platform's first {@code expect} line. */
    public Optional<ExpectDecl> expect() {
        return platform.expects().stream().findFirst();
    }

    /** The requester ids of the functions declared in a bridge block, in source order. */
    public static List<Rid> functionRids(BridgeDecl bridge) {
        return bridge.devices().stream().map(DeviceDecl::address)
                .filter(DeviceAddress.Function.class::isInstance)
                .map(a -> ((DeviceAddress.Function) a).rid()).toList();
    }

    /**
     * The secondary bus a bridge block names: the bus of its first function (with a requester id in
     * range) that is in the bridge's segment and not on the bridge's own bus. Empty when no function
     * qualifies (an empty bridge, or one whose functions are all misplaced, IRQ048).
     */
    public static Optional<BigInteger> declaredSecondaryBus(BridgeDecl bridge) {
        return functionRids(bridge).stream().filter(Rid::inRange)
                .filter(rid -> rid.segmentOrZero().equals(bridge.rid().segmentOrZero()) && !rid.sameBus(bridge.rid()))
                .map(Rid::bus).findFirst();
    }

    public Optional<IommuDecl> iommu(String name) {
        return Optional.ofNullable(iommus.get(name));
    }

    public Optional<BusDecl> bus(String name) {
        return Optional.ofNullable(buses.get(name));
    }

    public Optional<GuestDecl> guest(String name) {
        return Optional.ofNullable(guests.get(name));
    }

    /** The guest whose {@code assign} names the device first; empty when the host owns it. */
    public Optional<GuestDecl> owner(String device) {
        return Optional.ofNullable(owners.get(device));
    }

    /** An {@code its} or {@code v2m} block of the platform's {@code gic} blocks. */
    public Optional<MsiControllerDecl> msiController(String name) {
        return Optional.ofNullable(msiControllers.get(name));
    }

    public Optional<SmmuDecl> smmu(String name) {
        return Optional.ofNullable(smmus.get(name));
    }

    /** The platform's first {@code gic} block. */
    public Optional<GicDecl> gic() {
        return platform.gics().stream().findFirst();
    }

    /**
     * The platform's CPU side, as its first {@code cpu} block names it; x86 without one (IRQ030 is
     * reported then), which is what the language was before arm64.
     */
    public Architecture architecture() {
        return cpu().map(c -> c.arch().value()).orElse(Architecture.X86);
    }

    /** The platform's first {@code cpu} block. */
    public Optional<CpuBlock> cpu() {
        return platform.cpuBlocks().stream().findFirst();
    }

    /** The platform's first {@code hypervisor} block. */
    public Optional<HypervisorBlock> hypervisor() {
        return platform.hypervisorBlocks().stream().findFirst();
    }

    /** A device's storage for a bus domain (for {@code ims}, its first IMS storage). */
    public static Optional<StorageDecl> storage(DeviceDecl device, BusDomainKind busDomain) {
        return device.storages().stream().filter(s -> s.busDomain() == busDomain).findFirst();
    }

    /**
     * The IOMMUs whose {@code covers} names the bus, in source order; a platform's only IOMMU without
     * {@code covers} covers every bus.
     */
    public List<IommuDecl> iommusCovering(String bus) {
        if (Defaults.coversEveryBus(iommuList)) {
            return iommuList;
        }
        return List.copyOf(covering.getOrDefault(bus, List.of()));
    }

    /** The declared buses an IOMMU of this platform covers (see {@link #iommusCovering}), in source order. */
    public List<String> busesCoveredBy(IommuDecl iommu) {
        List<String> buses = covered.get(iommu);
        if (buses == null) {
            throw new IllegalArgumentException("IOMMU " + iommu.name().text() + " is not of platform "
                    + platform.name().text());
        }
        return List.copyOf(buses);
    }

    /** The IOMMU a bus's messages pass through, if any. */
    public Optional<IommuDecl> iommuCovering(String bus) {
        return iommusCovering(bus).stream().findFirst();
    }
}
