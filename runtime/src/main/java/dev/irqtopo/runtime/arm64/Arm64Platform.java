package dev.irqtopo.runtime.arm64;

import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.BridgeModel;
import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.StorageModel;
import dev.irqtopo.model.arm.Arm64GuestModel;
import dev.irqtopo.model.arm.GicStackModel;
import dev.irqtopo.model.arm.ItsModel;
import dev.irqtopo.model.arm.Mpidr;
import dev.irqtopo.model.arm.MsiMap;
import dev.irqtopo.model.arm.MsiMapLookup;
import dev.irqtopo.runtime.gic.CpuLoad;
import dev.irqtopo.runtime.gic.Doorbells;
import dev.irqtopo.runtime.gic.Gic;
import dev.irqtopo.runtime.gic.GicInterrupt;
import dev.irqtopo.runtime.gic.ItsDriver;
import dev.irqtopo.runtime.gic.ItsDriverLine;
import dev.irqtopo.runtime.gic.LpiRanges;
import dev.irqtopo.runtime.gic.PciMsiPrepare;
import dev.irqtopo.runtime.gic.Sender;
import dev.irqtopo.runtime.gic.V2mAllocator;
import dev.irqtopo.runtime.gic.WriteOutcome;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.message.Result;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An arm64 platform booted as Linux and KVM boot it. {@link #boot} runs the host's stacks in
 * declaration order through their ITS or the GICv2m frames, then each guest's stacks in order through
 * its virtual ITS ({@link GuestIts}); a guest's stack whose storage the VMM traps is then backed, all
 * vectors at once, by host interrupts of the device's own MSI controller (as VFIO enables them),
 * whose messages go into the physical slots. An untrapped guest storage holds the guest's own
 * messages. {@link #emit} is what one write of a device does; {@link #fire} fires a slot.
 * The ITS driver follows Linux 6.12 ({@link #LINE}).
 */
public final class Arm64Platform {

    public static final String HOST = "host";
    /** The ITS driver's line: arm64 platforms run as Linux 6.12. */
    public static final ItsDriverLine LINE = ItsDriverLine.LINUX_6_12;

    private final Arm64PlatformModel model;
    private final Gic gic;
    private final CpuLoad load;
    private final Map<String, ItsDriver> drivers = new LinkedHashMap<>();
    private final V2mAllocator v2m;
    private final Map<String, GuestIts> guests = new LinkedHashMap<>();
    private final Map<Integer, Handler> hostHandlers;
    private final Map<Integer, GuestRoute> routes;
    private final Map<Slot, Message> slots;
    private final Set<Long> doorbellPages = new HashSet<>();
    private final List<Arm64StackResult> stacks;
    private final Map<StackKey, Arm64StackResult> stacksByKernel;
    private final Map<StorageKey, Arm64StackResult> stacksByStorage;
    /** The devices by name, and the guest each assigned one belongs to: looked up once per stack and write. */
    private final Map<String, DeviceModel> devices;
    /** Per bridge, the vectors of the functions behind it, worked out once (the model does not change). */
    private Map<BridgeModel, Integer> aliasCounts;
    private final Map<String, String> owners = new HashMap<>();
    /** Each MSI controller's physical doorbell, by name: an ITS's, else a GICv2m frame's. */
    private final Map<String, Long> doorbells = new HashMap<>();
    /** The names of the GIC's ITS units, which every device's wiring asks the msi-map rows about. */
    private final Set<String> itsNames = new HashSet<>();
    /** What {@link #sender} gives each of the platform's devices, by name, once asked: the wiring does not change. */
    private final Map<String, Sender> senders;
    private int nextVirq = 1;
    private boolean booted;

    /** A stack as its kernel names it. */
    private record StackKey(String kernel, String device, StorageKind storage) {
    }

    /** A device's storage: the first stack over it is the one whose messages its slots hold. */
    private record StorageKey(String device, StorageKind storage) {
    }

    private record Slot(String device, StorageKind storage, int slot) {
    }

    private Arm64Platform(Arm64PlatformModel model, LpiRanges lpis) {
        this.model = model;
        this.gic = new Gic(model.gic(), model.cpus().count());
        this.load = new CpuLoad(model.cpus().count());
        // the maps sized for what booting puts in them, so that filling them never rehashes
        int stackCount = model.hostStacks().size();
        int hostVectors = model.hostStacks().stream().mapToInt(GicStackModel::alloc).sum();
        int guestVectors = 0;
        for (Arm64GuestModel guest : model.guests()) {
            stackCount += guest.stacks().size();
            guestVectors += guest.stacks().stream().mapToInt(GicStackModel::alloc).sum();
        }
        this.hostHandlers = new HashMap<>(capacity(hostVectors + guestVectors));
        this.routes = new HashMap<>(capacity(guestVectors));
        this.slots = new HashMap<>(capacity(hostVectors + guestVectors));
        this.stacks = new ArrayList<>(stackCount);
        this.stacksByKernel = new HashMap<>(capacity(stackCount));
        this.stacksByStorage = new HashMap<>(capacity(stackCount));
        this.devices = new HashMap<>(capacity(model.devices().size()));
        this.senders = new ConcurrentHashMap<>(capacity(model.devices().size()));
        for (ItsModel its : model.gic().its()) {
            ItsDriver driver = new ItsDriver(gic.its(its.name()).orElseThrow(), lpis, load, LINE);
            driver.initCollections();
            drivers.put(its.name(), driver);
            doorbellPages.add(DeviceDma.page(its.doorbell()));
            doorbells.putIfAbsent(its.name(), its.doorbell());
            itsNames.add(its.name());
        }
        model.gic().v2m().forEach(f -> doorbells.putIfAbsent(f.name(), f.doorbell()));
        model.gic().v2m().forEach(f -> doorbellPages.add(DeviceDma.page(f.doorbell())));
        this.v2m = new V2mAllocator(model.gic().v2m());
        for (Arm64GuestModel guest : model.guests()) {
            guests.put(guest.name(), new GuestIts(guest, LINE));
            guest.devices().forEach(d -> owners.putIfAbsent(d, guest.name()));
        }
        model.devices().forEach(d -> devices.putIfAbsent(d.name(), d));
    }

    /** A hash map's initial capacity for {@code entries} entries at the default load factor. */
    private static int capacity(int entries) {
        return (int) Math.min(1L << 30, Math.max(0, entries) * 4L / 3 + 1);
    }

    /** The platform with Linux's LPI space for the GIC's ID bits. */
    public static Arm64Platform create(Arm64PlatformModel model) {
        return create(model, LpiRanges.forIdBits(model.gic().idBits()));
    }

    /** The platform with the LPIs of {@code lpis}, e.g. a GIC whose GICD_TYPER.num_LPIs restricts them. */
    public static Arm64Platform create(Arm64PlatformModel model, LpiRanges lpis) {
        return new Arm64Platform(model, lpis);
    }

    public Arm64PlatformModel model() {
        return model;
    }

    public Gic gic() {
        return gic;
    }

    public V2mAllocator v2m() {
        return v2m;
    }

    public Optional<GuestIts> guest(String name) {
        return Optional.ofNullable(guests.get(name));
    }

    /** Boots once: every stack in order; the results in boot order. */
    public synchronized List<Arm64StackResult> boot() {
        if (!booted) {
            booted = true;
            model.hostStacks().forEach(s -> booted(bootHost(s)));
            for (Arm64GuestModel guest : model.guests()) {
                guest.stacks().forEach(s -> booted(bootGuest(guests.get(guest.name()), s)));
            }
        }
        return List.copyOf(stacks);
    }

    public List<Arm64StackResult> stacks() {
        return List.copyOf(stacks);
    }

    /** What booting did with the stack of {@code kernel} ({@code host} or a guest) over the device's storage. */
    public Optional<Arm64StackResult> stack(String kernel, String device, StorageKind storage) {
        return Optional.ofNullable(stacksByKernel.get(new StackKey(kernel, device, storage)));
    }

    private void booted(Arm64StackResult stack) {
        stacks.add(stack);
        stacksByKernel.putIfAbsent(new StackKey(stack.kernel(), stack.device(), stack.storage()), stack);
        stacksByStorage.putIfAbsent(new StorageKey(stack.device(), stack.storage()), stack);
    }

    /** The device's storage of that kind, to read and fire its slots. */
    public Arm64Storage storage(String device, StorageKind storage) {
        StorageModel declared = device(device).storage(storage)
                .orElseThrow(() -> new IllegalArgumentException(device + " has no " + storage.keyword() + " storage"));
        return new Arm64Storage(this, device, storage, declared.size());
    }

    /**
     * Fires slot {@code slot} of the device's storage: the device emits what the slot holds; a slot
     * no booted stack wrote sends nothing.
     */
    public Arm64Outcome fire(String device, StorageKind storage, int slot) {
        Arm64StackResult stack = stacksByStorage.get(new StorageKey(device, storage));
        if (stack == null) {
            return new Arm64Outcome.NotSentAtAll(NotSent.NEVER_WRITTEN);
        }
        return fire(stack, slot);
    }

    private Arm64StackResult bootHost(GicStackModel stack) {
        DeviceModel device = device(stack.device());
        StorageModel storage = device.storage(stack.storage()).orElseThrow();
        String unit = stack.controller().orElseThrow();
        List<String> chain = stack.chain(drivers.containsKey(unit) ? "its" : "v2m");
        Result<List<Taken>> taken = allocateOnHost(device, storage, unit, stack.alloc());
        OptionalLong deviceId = drivers.containsKey(unit) ? deviceId(device, unit) : OptionalLong.empty();
        if (!taken.isOk()) {
            return new Arm64StackResult(HOST, device.name(), storage.kind(), chain, unit, deviceId, false,
                    Optional.of(ItsParent.errno(taken)), List.of(), Map.of());
        }
        List<ArmVector> vectors = new ArrayList<>();
        DeviceDma dma = dma(device);
        for (int slot = 0; slot < taken.value().size(); slot++) {
            ArmVector vector = hostVector(slot, taken.value().get(slot));
            vectors.add(vector);
            hostHandlers.put(vector.intid(), new Handler(HOST, device.name(), storage.kind(), slot, vector.virq()));
            store(device, storage.kind(), slot, dma, vector.composed());
        }
        return new Arm64StackResult(HOST, device.name(), storage.kind(), chain, unit, deviceId, false, Optional.empty(),
                vectors, Map.of());
    }

    private Arm64StackResult bootGuest(GuestIts guest, GicStackModel stack) {
        DeviceModel device = device(stack.device());
        StorageModel storage = device.storage(stack.storage()).orElseThrow();
        boolean trapped = model.hypervisor().orElseThrow().traps(storage.kind());
        long guestDeviceId = guest.deviceId(device.name());
        List<String> chain = stack.chain("its");
        int prepare = PciMsiPrepare.vectors(LINE, stack.alloc(), hwsize(storage), 0, guestDeviceId);
        Result<List<Taken>> taken = guest.parent().allocate(
                new MsiRequest(guestDeviceId, prepare, false, stack.alloc(), storage.kind() == StorageKind.MSI));
        if (!taken.isOk()) {
            return new Arm64StackResult(guest.name(), device.name(), storage.kind(), chain, GuestIts.NAME,
                    OptionalLong.of(guestDeviceId), trapped, Optional.of(ItsParent.errno(taken)), List.of(), Map.of());
        }
        List<ArmVector> vectors = new ArrayList<>();
        for (int slot = 0; slot < taken.value().size(); slot++) {
            Taken t = taken.value().get(slot);
            int vcpu = t.interrupt().cpu();
            ArmVector vector = new ArmVector(slot, guest.nextVirq(), vcpu, guest.vcpus().mpidr(vcpu), t);
            vectors.add(vector);
            guest.handle(vector.intid(), new Handler(guest.name(), device.name(), storage.kind(), slot, vector.virq()));
        }
        Map<Integer, HostBacking> backing = trapped ? back(guest, device, storage, guestDeviceId, vectors) : Map.of();
        if (!trapped) {
            // the guest writes its own messages into the storage; the device will emit them as they are
            vectors.forEach(v -> slots.put(new Slot(device.name(), storage.kind(), v.slot()), v.composed()));
        }
        return new Arm64StackResult(guest.name(), device.name(), storage.kind(), chain, GuestIts.NAME,
                OptionalLong.of(guestDeviceId), trapped, Optional.empty(), vectors, backing);
    }

    /**
     * The host interrupts behind a trapped guest stack: one allocation through the device's own MSI
     * controller for all its vectors (VFIO enabling MSI or MSI-X); when it fails, every store of the
     * stack is dropped and the physical slots stay unwritten.
     */
    private Map<Integer, HostBacking> back(GuestIts guest, DeviceModel device, StorageModel storage, long guestDeviceId,
                                           List<ArmVector> vectors) {
        Optional<String> unit = ownController(device);
        if (unit.isEmpty()) {
            return Map.of();
        }
        Result<List<Taken>> taken = allocateOnHost(device, storage, unit.get(), vectors.size());
        if (!taken.isOk()) {
            return Map.of();
        }
        boolean vlpi = model.hypervisor().orElseThrow().vlpi() && model.gic().version() == 4
                && drivers.containsKey(unit.get());
        Map<Integer, HostBacking> backing = new LinkedHashMap<>();
        DeviceDma dma = dma(device);
        for (ArmVector guestVector : vectors) {
            ArmVector host = hostVector(guestVector.slot(), taken.value().get(guestVector.slot()));
            routes.put(host.intid(), new GuestRoute(guest.name(), guestDeviceId, guestVector.composed(), vlpi));
            store(device, storage.kind(), guestVector.slot(), dma, host.composed());
            backing.put(guestVector.slot(), new HostBacking(host, vlpi));
        }
        return backing;
    }

    private Result<List<Taken>> allocateOnHost(DeviceModel device, StorageModel storage, String unit, int count) {
        boolean block = storage.kind() == StorageKind.MSI;
        ItsDriver driver = drivers.get(unit);
        if (driver == null) {
            return new V2mParent(v2m, 0).allocate(new MsiRequest(0, count, false, count, block));
        }
        long id = deviceId(device, unit).orElseThrow();
        int prepare = PciMsiPrepare.vectors(LINE, count, hwsize(storage), aliasCount(device), id);
        return new ItsParent(driver).allocate(new MsiRequest(id, prepare, device.bridge().isPresent(), count, block));
    }

    private ArmVector hostVector(int slot, Taken taken) {
        // an SPI goes where gic_set_affinity routes it: CPU 0 (see V2mParent)
        int cpu = taken.interrupt() instanceof GicInterrupt.Lpi ? taken.interrupt().cpu() : 0;
        return new ArmVector(slot, nextVirq++, cpu, model.cpus().mpidr(cpu), taken);
    }

    private void store(DeviceModel device, StorageKind storage, int slot, DeviceDma dma, Message composed) {
        // iommu_dma_compose_msi_msg: the device is given the address its DMA reaches the doorbell at
        long address = dma.addressOf(composed.address()).orElse(composed.address());
        slots.put(new Slot(device.name(), storage, slot), Message.of(address, composed.data()));
    }

    /**
     * The per-device domain's size Linux 6.12 prepares the ITT for: the MSI-X table's (and an IMS
     * storage's) entries, 1 for MSI.
     */
    private static int hwsize(StorageModel storage) {
        return storage.kind().busDomain() == BusDomainKind.MSI ? 1 : storage.size();
    }

    /**
     * {@code its_pci_msi_prepare}'s alias count for a requester behind a PCIe-to-PCI bridge: every
     * function on the bridge's secondary bus adds its larger of MSI and MSI-X vector counts
     * ({@code its_pci_msi_vec_count} over {@code pci_walk_bus}); 0 without a bridge.
     */
    private int aliasCount(DeviceModel device) {
        if (device.bridge().isEmpty()) {
            return 0;
        }
        if (aliasCounts == null) {
            aliasCounts = new HashMap<>();
            for (DeviceModel other : model.devices()) {
                if (!other.isSubDevice() && other.bridge().isPresent()) {
                    int msi = other.storage(StorageKind.MSI).map(StorageModel::size).orElse(0);
                    int msix = other.storage(StorageKind.MSIX).map(StorageModel::size).orElse(0);
                    aliasCounts.merge(other.bridge().get(), Math.max(msi, msix), Integer::sum);
                }
            }
        }
        return aliasCounts.getOrDefault(device.bridge().get(), 0);
    }

    /** The MSI controller the device's writes are meant for (its msi-map row, or the only one). */
    public Optional<String> ownController(DeviceModel device) {
        MsiMapLookup target = model.msiTarget(device);
        return target instanceof MsiMapLookup.Mapped m ? Optional.of(m.controller()) : Optional.empty();
    }

    /** The DeviceID {@code device} presents to the ITS {@code its}, per the wiring {@link #sender} describes. */
    public OptionalLong deviceId(DeviceModel device, String its) {
        return sender(device).deviceId(its);
    }

    /**
     * Who the device's writes say they are to each ITS: its bus's msi-map rows for that ITS
     * ({@link Sender#fromMsiMap}); on a bus without one, its requester id unchanged at the GIC's only
     * MSI controller, if that is an ITS. A sub-device writes with its parent's, a device behind a
     * bridge with the bridge's alias. Worked out once per device of the platform and kept: working it
     * out asks the msi-map rows about every ITS, and every write of the device needs it.
     */
    public Sender sender(DeviceModel device) {
        if (devices.get(device.name()) != device) {
            return wiring(device);
        }
        return senders.computeIfAbsent(device.name(), n -> wiring(device));
    }

    private Sender wiring(DeviceModel device) {
        long rid = device.iommuRequesterId().sourceId();
        MsiMap map = model.msiMaps().get(device.bus());
        if (map != null) {
            return Sender.fromMsiMap(itsNames, map, rid);
        }
        if (model.gic().its().size() == 1 && model.gic().v2m().isEmpty()) {
            return Sender.of(model.gic().its().get(0).name(), rid);
        }
        return Sender.none();
    }

    /** How the SMMU (or its absence) translates the device's writes. */
    public DeviceDma dma(DeviceModel device) {
        long doorbell = ownController(device).map(this::doorbell).orElse(-1L);
        if (!model.smmuCovers(device)) {
            return new DeviceDma(DeviceDma.Kind.PHYSICAL, doorbell);
        }
        return new DeviceDma(owners.containsKey(device.name()) ? DeviceDma.Kind.VFIO_DOMAIN : DeviceDma.Kind.HOST_DOMAIN,
                doorbell);
    }

    /** The doorbells the device's writes can reach: every one without an SMMU, only its own controller's with one. */
    public Doorbells doorbells(DeviceModel device) {
        if (!model.smmuCovers(device)) {
            return Doorbells.all();
        }
        return Doorbells.only(ownController(device).map(c -> Set.of(doorbell(c))).orElse(Set.of()));
    }

    /** The physical doorbell of MSI controller {@code name}. */
    public long doorbell(String name) {
        Long doorbell = doorbells.get(name);
        if (doorbell == null) {
            throw new IllegalArgumentException("no MSI controller " + name);
        }
        return doorbell;
    }

    /** Who takes host INTID {@code intid}: a host stack's slot. */
    public Optional<Handler> hostHandler(int intid) {
        return Optional.ofNullable(hostHandlers.get(intid));
    }

    /** The guest vector host INTID {@code intid} backs. */
    public Optional<GuestRoute> route(int intid) {
        return Optional.ofNullable(routes.get(intid));
    }

    /** The kernel whose interrupt host INTID {@code intid} is: {@code host}, a guest it backs, or none. */
    public Optional<String> owner(int intid) {
        Handler handler = hostHandlers.get(intid);
        if (handler != null) {
            return Optional.of(handler.kernel());
        }
        return route(intid).map(GuestRoute::guest);
    }

    /** What the device's storage slot holds: the message it emits when the slot fires. */
    public Optional<Message> stored(String device, StorageKind storage, int slot) {
        return Optional.ofNullable(slots.get(new Slot(device, storage, slot)));
    }

    /** Fires slot {@code slot} of a booted stack: the device emits what the slot holds. */
    public Arm64Outcome fire(Arm64StackResult stack, int slot) {
        Optional<Message> stored = stored(stack.device(), stack.storage(), slot);
        if (stored.isEmpty()) {
            return new Arm64Outcome.NotSentAtAll(stack.trapped() ? NotSent.TRAPPED_STORE_DROPPED : NotSent.NEVER_WRITTEN);
        }
        return emit(device(stack.device()), stored.get());
    }

    /**
     * One 32-bit DMA write of {@code message} by {@code device}: through its SMMU, to the GIC with its
     * DeviceIDs ({@link Gic#write}), and from the interrupt raised to the handler that takes it — the
     * host's, or through the guest vector's route the guest's vITS translating the guest's message
     * with the guest DeviceID.
     */
    public Arm64Outcome emit(DeviceModel device, Message message) {
        DeviceDma.Target target = dma(device).translate(message.address(), doorbellPages);
        if (target instanceof DeviceDma.Fault) {
            return new Arm64Outcome.SmmuFault(message.address());
        }
        if (target instanceof DeviceDma.Memory) {
            return new Arm64Outcome.MemoryWrite();
        }
        long address = ((DeviceDma.Physical) target).address();
        WriteOutcome written = gic.write(sender(device), address, message.data());
        if (written instanceof WriteOutcome.Ignored ignored) {
            return new Arm64Outcome.Ignored(ignored.unit(), ignored.reason());
        }
        if (!(written instanceof WriteOutcome.Delivered delivered)) {
            return new Arm64Outcome.MemoryWrite();
        }
        return take(delivered.unit(), delivered.raised());
    }

    /** Who takes the host interrupt {@code raised} of {@code unit}. */
    public Arm64Outcome take(String unit, GicInterrupt raised) {
        Handler handler = hostHandlers.get(raised.intid());
        if (handler != null) {
            int cpu = raised.cpu() >= 0 ? raised.cpu() : 0;
            return new Arm64Outcome.Delivered(HOST, cpu, model.cpus().mpidr(cpu), raised.intid(), handler.virq(),
                    Arm64Outcome.Route.HOST);
        }
        GuestRoute route = routes.get(raised.intid());
        if (route == null) {
            return new Arm64Outcome.Unowned(unit, raised);
        }
        return inject(route);
    }

    /** KVM injects {@code route}'s message with its DeviceID through the guest's vITS ({@code vgic_its_inject_msi}). */
    private Arm64Outcome inject(GuestRoute route) {
        GuestIts guest = guests.get(route.guest());
        String unit = route.guest() + " " + GuestIts.NAME;
        VitsInjection injected = guest.inject(OptionalLong.of(route.deviceId()), route.message());
        if (!(injected instanceof VitsInjection.Raised raised)) {
            return new Arm64Outcome.Ignored(unit, injected.ignored().orElseThrow());
        }
        GicInterrupt lpi = raised.lpi();
        Optional<Handler> handler = guest.handler(lpi.intid());
        if (handler.isEmpty()) {
            return new Arm64Outcome.Unowned(unit, lpi);
        }
        Mpidr mpidr = guest.vcpus().mpidr(lpi.cpu());
        return new Arm64Outcome.Delivered(route.guest(), lpi.cpu(), mpidr, lpi.intid(), handler.get().virq(),
                route.vlpi() ? Arm64Outcome.Route.VLPI : Arm64Outcome.Route.IRQFD);
    }

    public DeviceModel device(String name) {
        DeviceModel device = devices.get(name);
        if (device == null) {
            throw new IllegalArgumentException("no device " + name);
        }
        return device;
    }
}
