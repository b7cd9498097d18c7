package dev.irqtopo.runtime.riscv64;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.BusModel;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.RiscvPlatformModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.riscv.DeviceContext;
import dev.irqtopo.model.riscv.FileLevel;
import dev.irqtopo.model.riscv.GuestAddressWidth;
import dev.irqtopo.model.riscv.GuestFilePlacement;
import dev.irqtopo.model.riscv.ImsicPlacement;
import dev.irqtopo.model.riscv.InterruptFile;
import dev.irqtopo.model.riscv.IommuCapabilities;
import dev.irqtopo.model.riscv.MsiPte;
import dev.irqtopo.model.riscv.MsiTranslationMode;
import dev.irqtopo.model.riscv.RiscvGuestModel;
import dev.irqtopo.model.riscv.RiscvIommuModel;
import dev.irqtopo.runtime.imsic.ImsicDriver;
import dev.irqtopo.runtime.imsic.ImsicMatrix;
import dev.irqtopo.runtime.imsic.ImsicVector;
import dev.irqtopo.runtime.imsic.ImsicWrite;
import dev.irqtopo.runtime.imsic.Imsics;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.message.Result;
import dev.irqtopo.runtime.riommu.DeviceBus;
import dev.irqtopo.runtime.riommu.DeviceWrite;
import dev.irqtopo.runtime.riommu.SecondStage;
import dev.irqtopo.runtime.riommu.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A riscv64 platform booted as Linux 6.12 and KVM boot it. The IMSIC driver's early setup takes
 * identity 1 (the IPI) on every hart ({@link ImsicMatrix#IPI_IDENTITY}); {@link #boot} then runs the
 * host's stacks in declaration order through the host's {@link ImsicDriver} (one identity per MSI-X or
 * IMS vector in the chosen hart's supervisor-level file, a multi-message MSI block -EOPNOTSUPP), the
 * composed (page, identity) going into the device's slots; then each guest in order: KVM's notice
 * identities if its devices use MRIFs, and its stacks through the guest's own IMSIC driver over its
 * vCPUs' files ({@link GuestImsic}).
 * <p>
 * What a guest's storage holds: when the device's context translates MSIs ({@code flat} or
 * {@code mrif}), the guest's own message, trapped or not — the MSI page table maps the guest's file
 * pages to its guest files or MRIFs, which is what MSI translation is for; with no translation
 * ({@code off}, or no IOMMU), an untrapped storage holds the guest's message, which then goes to the
 * physical address it names, and a trapped one is backed by host identities (VFIO enabling the vectors,
 * all at once, nothing kept when one fails) that KVM injects into the guest file on delivery.
 * {@link #emit} is one write of a device through its IOMMU ({@link DeviceBus}) to the IMSICs.
 */
public final class RiscvPlatform {

    public static final String HOST = "host";
    /** The owner of a guest file no guest's vCPU uses. */
    public static final String NOBODY = "none";
    /** Where the MSI page tables of the guests' device contexts start (guest {@code i}'s at + i·64 KiB). */
    public static final long MSI_TABLES = 0x1_0000_0000L;
    /** Where the MRIFs start: guest {@code i}'s vCPU {@code v} at + (i·4096 + v)·512. */
    public static final long MRIFS = 0x1_1000_0000L;
    /** Capabilities of a path with no IOMMU: nothing is ever an MSI page. */
    static final IommuCapabilities NO_IOMMU = new IommuCapabilities(ImsicPlacement.PHYSICAL_ADDRESS_BITS,
            GuestAddressWidth.SV57X4, false, false, false);

    private final RiscvPlatformModel model;
    private final Imsics imsics;
    private final ImsicDriver host;
    private final Map<String, GuestImsic> guests = new LinkedHashMap<>();
    private final List<DeviceModel> devices = new ArrayList<>();
    private final Map<String, DeviceModel> byName;
    /** The guest each assigned device belongs to; the others are the host's. */
    private final Map<String, String> owners = new HashMap<>();
    /** Each guest's devices in bus declaration order. */
    private final Map<String, List<DeviceModel>> assigned = new HashMap<>();
    private final Map<String, Integer> guestIndex = new HashMap<>();
    /** The guest whose vCPU each guest file backs; guest files no vCPU uses are absent. */
    private final Map<InterruptFile, String> guestFiles = new HashMap<>();
    private final Map<Long, String> mrifOwners = new HashMap<>();
    /** The IOMMU covering each bus, the first of the model's to cover it; buses none covers are absent. */
    private final Map<String, RiscvIommuModel> iommuOfBus = new HashMap<>();
    /** The kernel each requester id's device context is built for: the owner of its first function. */
    private final Map<RequesterId, String> contextOwners;
    /** Translations once boot has taken KVM's notice identities; nothing changes them after. */
    private final Map<String, DeviceTranslation> translations;
    private final FileIdentityTable<Handler> handlers;
    private final FileIdentityTable<GuestRoute> routes;
    private final FileIdentityTable<GuestRoute> notices;
    private final Map<String, Map<Integer, ImsicVector>> noticeVectors = new HashMap<>();
    /** What each storage's slots hold, by slot number; a slot nothing wrote is null. */
    private final Map<Storage, Message[]> slots;
    private final List<RiscvStackResult> stacks;
    private int nextVirq = 1;
    private boolean booted;
    private volatile boolean settled;

    /**
     * A device's storage. Its hash takes the kind's ordinal, not the enum constant's identity hash, so the
     * map's layout is the same from run to run; equals and hashCode are written out, as the record's own
     * are linked through method handles the first time they run.
     */
    private record Storage(String device, StorageKind storage) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Storage other && device.equals(other.device) && storage == other.storage;
        }

        @Override
        public int hashCode() {
            return device.hashCode() * 31 + storage.ordinal();
        }
    }

    private RiscvPlatform(RiscvPlatformModel model) {
        this.model = model;
        this.imsics = Imsics.of(model.imsic());
        this.host = new ImsicDriver(model.imsic());
        this.handlers = new FileIdentityTable<>(model.imsic());
        this.routes = new FileIdentityTable<>(model.imsic());
        this.notices = new FileIdentityTable<>(model.imsic());
        GuestFilePlacement placement = model.guestFiles();
        int stackCount = model.hostStacks().size();
        for (RiscvGuestModel guest : model.guests()) {
            stackCount += guest.stacks().size();
            GuestImsic imsic = new GuestImsic(guest.name(), placement.of(guest.name()), model.imsic().guestIds());
            guestIndex.put(guest.name(), guests.size());
            for (int vcpu = 0; vcpu < imsic.vcpus(); vcpu++) {
                guestFiles.put(imsic.backing(vcpu), guest.name());
                mrifOwners.put(mrif(guests.size(), vcpu), guest.name());
            }
            guests.put(guest.name(), imsic);
            guest.devices().forEach(d -> owners.putIfAbsent(d, guest.name()));
            assigned.put(guest.name(), new ArrayList<>());
        }
        for (RiscvIommuModel iommu : model.iommus()) {
            iommu.covers().forEach(bus -> iommuOfBus.putIfAbsent(bus, iommu));
        }
        for (BusModel bus : model.buses()) {
            devices.addAll(bus.devices());
        }
        // sized for what they will hold, so that filling them never rehashes
        this.byName = new HashMap<>(capacity(devices.size()));
        this.contextOwners = new HashMap<>(capacity(devices.size()));
        this.translations = new ConcurrentHashMap<>(capacity(devices.size()));
        this.slots = new HashMap<>(capacity(stackCount));
        this.stacks = new ArrayList<>(stackCount);
        for (DeviceModel device : devices) {
            byName.put(device.name(), device);
            String owner = owner(device.name());
            if (!owner.equals(HOST)) {
                assigned.get(owner).add(device);
            }
            if (!device.isSubDevice()) {
                contextOwners.putIfAbsent(device.iommuRequesterId(), owner);
            }
        }
    }

    /** A hash map's initial capacity for {@code entries} entries at the default load factor. */
    private static int capacity(int entries) {
        return (int) Math.min(1L << 30, entries * 4L / 3 + 1);
    }

    public static RiscvPlatform create(RiscvPlatformModel model) {
        return new RiscvPlatform(model);
    }

    public RiscvPlatformModel model() {
        return model;
    }

    public Imsics imsics() {
        return imsics;
    }

    /** The host kernel's IMSIC driver. */
    public ImsicDriver hostDriver() {
        return host;
    }

    public Optional<GuestImsic> guest(String name) {
        return Optional.ofNullable(guests.get(name));
    }

    /** The devices in bus declaration order. */
    public List<DeviceModel> devices() {
        return List.copyOf(devices);
    }

    /** The kernel a device belongs to: the guest it is assigned to, or the host. */
    public String owner(String device) {
        return owners.getOrDefault(device, HOST);
    }

    /** The devices assigned to {@code guest}, in bus declaration order. */
    public List<DeviceModel> devicesOf(String guest) {
        return List.copyOf(assigned.getOrDefault(guest, List.of()));
    }

    public DeviceModel device(String name) {
        DeviceModel device = byName.get(name);
        if (device == null) {
            throw new IllegalArgumentException("no device " + name);
        }
        return device;
    }

    /** Boots once: every stack in order; the results in boot order. */
    public synchronized List<RiscvStackResult> boot() {
        if (!booted) {
            booted = true;
            model.hostStacks().forEach(s -> stacks.add(bootHost(s.device(), s.storage(), s.alloc(), s.chain())));
            for (RiscvGuestModel guest : model.guests()) {
                GuestImsic imsic = guests.get(guest.name());
                allocateNotices(guest, imsic);
                guest.stacks().forEach(s -> stacks.add(bootGuest(imsic, s.device(), s.storage(), s.alloc(), s.chain())));
            }
            settled = true;
        }
        return List.copyOf(stacks);
    }

    public List<RiscvStackResult> stacks() {
        return List.copyOf(stacks);
    }

    private RiscvStackResult bootHost(String name, StorageKind storage, int alloc, List<String> chain) {
        DeviceModel device = device(name);
        String word = translation(device).word();
        Result<List<ImsicVector>> taken = allocate(host, storage, alloc);
        if (!taken.isOk()) {
            return new RiscvStackResult(HOST, name, storage, chain, false, word, Optional.of(errno(taken)), List.of(), Map.of());
        }
        List<RiscvVector> vectors = new ArrayList<>();
        for (int slot = 0; slot < taken.value().size(); slot++) {
            RiscvVector vector = hostVector(slot, taken.value().get(slot));
            vectors.add(vector);
            handlers.put(vector.file(), vector.identity(), new Handler(HOST, name, storage, slot, vector.virq()));
            store(name, storage, slot, vector.composed());
        }
        return new RiscvStackResult(HOST, name, storage, chain, false, word, Optional.empty(), vectors, Map.of());
    }

    private RiscvStackResult bootGuest(GuestImsic guest, String name, StorageKind storage, int alloc, List<String> chain) {
        DeviceModel device = device(name);
        DeviceTranslation translation = translation(device);
        boolean trapped = model.hypervisor().orElseThrow().traps(storage);
        Result<List<ImsicVector>> taken = allocate(guest.driver(), storage, alloc);
        if (!taken.isOk()) {
            return new RiscvStackResult(guest.name(), name, storage, chain, trapped, translation.word(),
                    Optional.of(errno(taken)), List.of(), Map.of());
        }
        List<RiscvVector> vectors = new ArrayList<>();
        for (int slot = 0; slot < taken.value().size(); slot++) {
            ImsicVector v = taken.value().get(slot);
            RiscvVector vector = new RiscvVector(slot, guest.nextVirq(), v.cpu(), guest.backing(v.cpu()), v.identity(),
                    guest.driver().compose(v));
            vectors.add(vector);
            handlers.put(vector.file(), vector.identity(),
                    new Handler(guest.name(), name, storage, slot, vector.virq()));
        }
        Map<Integer, RiscvVector> backing = Map.of();
        if (trapped && !translation.translatesMsis()) {
            backing = back(guest, device, storage, vectors);
        } else {
            // the guest's own messages: the storage holds them, the MSI page table (if any) redirects them
            vectors.forEach(v -> store(name, storage, v.slot(), v.composed()));
        }
        return new RiscvStackResult(guest.name(), name, storage, chain, trapped, translation.word(), Optional.empty(),
                vectors, backing);
    }

    /**
     * The host identities behind a trapped guest stack whose device has no MSI translation: one
     * allocation through the host's IMSIC driver for all its vectors (VFIO enabling MSI or MSI-X; a
     * multi-message MSI block is -EOPNOTSUPP there too); when it fails, the physical slots stay unwritten.
     */
    private Map<Integer, RiscvVector> back(GuestImsic guest, DeviceModel device, StorageKind storage,
                                           List<RiscvVector> vectors) {
        Result<List<ImsicVector>> taken = allocate(host, storage, vectors.size());
        if (!taken.isOk()) {
            return Map.of();
        }
        Map<Integer, RiscvVector> backing = new LinkedHashMap<>();
        for (RiscvVector guestVector : vectors) {
            RiscvVector hostVector = hostVector(guestVector.slot(), taken.value().get(guestVector.slot()));
            routes.put(hostVector.file(), hostVector.identity(),
                    new GuestRoute(guest.name(), guestVector.cpu(), guestVector.composed()));
            store(device.name(), storage, guestVector.slot(), hostVector.composed());
            backing.put(guestVector.slot(), hostVector);
        }
        return backing;
    }

    /**
     * KVM's notice identities for a guest whose functions' contexts record in MRIFs: one host identity
     * per vCPU, taken in vCPU order; a vCPU whose identity cannot be taken gets no MRIF entry (V = 0).
     */
    private void allocateNotices(RiscvGuestModel guest, GuestImsic imsic) {
        boolean mrif = assigned.get(guest.name()).stream().anyMatch(this::recordsInMrifs);
        if (!mrif) {
            return;
        }
        Map<Integer, ImsicVector> own = new TreeMap<>();
        for (int vcpu = 0; vcpu < imsic.vcpus(); vcpu++) {
            Result<ImsicVector> v = host.alloc(1);
            if (v.isOk()) {
                own.put(vcpu, v.value());
                notices.put(InterruptFile.supervisor(v.value().cpu()), v.value().identity(),
                        new GuestRoute(guest.name(), vcpu, Message.of(imsic.page(vcpu), 0)));
            }
        }
        noticeVectors.put(guest.name(), own);
    }

    /** Whether {@code device}'s writes go through a context with MRIF entries (its IOMMU's {@code msi mrif}, built for a guest). */
    private boolean recordsInMrifs(DeviceModel device) {
        return guests.containsKey(contextOwner(device))
                && iommuCovering(device).map(i -> i.msi() == MsiTranslationMode.MRIF).orElse(false);
    }

    /** KVM's notice identity for {@code guest}'s vCPU {@code vcpu}, if it has one. */
    public Optional<ImsicVector> notice(String guest, int vcpu) {
        return Optional.ofNullable(noticeVectors.getOrDefault(guest, Map.of()).get(vcpu));
    }

    private static Result<List<ImsicVector>> allocate(ImsicDriver driver, StorageKind storage, int count) {
        if (storage.busDomain() == BusDomainKind.MSI) {
            // one MSI capability block of `count` messages: imsic_irq_domain_alloc with nr_irqs = count
            Result<ImsicVector> one = driver.alloc(count);
            return one.isOk() ? Result.ok(List.of(one.value())) : Result.failed(errno(one));
        }
        return driver.allocVectors(count);
    }

    private static Errno errno(Result<?> failed) {
        return ((Result.Failed<?>) failed).errno();
    }

    private RiscvVector hostVector(int slot, ImsicVector v) {
        return new RiscvVector(slot, nextVirq++, v.cpu(), InterruptFile.supervisor(v.cpu()), v.identity(), host.compose(v));
    }

    /**
     * How the IOMMU treats {@code device}'s writes. Device contexts are per requester id: the one the
     * device uses is built for the kernel owning the first function (in declaration order) with the
     * requester id the IOMMU sees. The host's contexts translate no MSI (Linux 6.12 has no RISC-V IOMMU
     * driver, so nothing programs an MSI page table for the host); a guest's context under an IOMMU with
     * {@code msi flat} maps the guest's file pages ({@link GuestImsic#addressMask}, {@link
     * GuestImsic#addressPattern}) with basic-translate entries to the guest files behind its vCPUs,
     * under {@code msi mrif} with MRIF entries whose notices are KVM's identities, and its second stage
     * maps guest RAM only, no interrupt-file page (the model has no RAM pages: every write that is no MSI
     * is blocked); {@code msi off} or no IOMMU: no MSI translation, the write goes to the physical address
     * it names. After boot each device's translation is computed once.
     */
    public DeviceTranslation translation(DeviceModel device) {
        return settled ? translations.computeIfAbsent(device.name(), n -> translate(device)) : translate(device);
    }

    private DeviceTranslation translate(DeviceModel device) {
        String owner = contextOwner(device);
        Optional<RiscvIommuModel> iommu = iommuCovering(device);
        if (iommu.isEmpty()) {
            return new DeviceTranslation(Optional.empty(), "none", owner, NO_IOMMU, DeviceContext.off(), SecondStage.all());
        }
        String name = iommu.get().name();
        GuestImsic guest = guests.get(owner);
        MsiTranslationMode mode = iommu.get().msi();
        if (guest == null || mode == MsiTranslationMode.OFF) {
            return new DeviceTranslation(iommu.map(RiscvIommuModel::name), "off", owner, IommuCapabilities.full(),
                    DeviceContext.off(), SecondStage.all());
        }
        Map<Long, MsiPte> table = new TreeMap<>();
        int index = guestIndex.get(owner);
        for (int vcpu = 0; vcpu < guest.vcpus(); vcpu++) {
            table.put((long) vcpu, mode == MsiTranslationMode.FLAT
                    ? new MsiPte.Basic(model.imsic().page(guest.backing(vcpu)) >>> ImsicPlacement.PAGE_SHIFT)
                    : mrifEntry(owner, index, vcpu));
        }
        DeviceContext context = DeviceContext.flat((MSI_TABLES >>> ImsicPlacement.PAGE_SHIFT) + index * 16L,
                guest.addressMask(), guest.addressPattern(), table);
        return new DeviceTranslation(Optional.of(name), mode.keyword(), owner, IommuCapabilities.full(), context,
                SecondStage.none());
    }

    private MsiPte mrifEntry(String guest, int index, int vcpu) {
        Optional<ImsicVector> notice = notice(guest, vcpu);
        if (notice.isEmpty()) {
            return new MsiPte.Invalid();
        }
        long page = model.imsic().page(InterruptFile.supervisor(notice.get().cpu()));
        return new MsiPte.Mrif(mrif(index, vcpu), page >>> ImsicPlacement.PAGE_SHIFT, notice.get().identity());
    }

    /** The MRIF of the {@code index}th guest's vCPU {@code vcpu}. */
    public static long mrif(int index, int vcpu) {
        return MRIFS + (index * 4096L + vcpu) * 512;
    }

    /** The guest an MRIF address belongs to, if any. */
    public Optional<String> mrifOwner(long mrif) {
        return Optional.ofNullable(mrifOwners.get(mrif));
    }

    /**
     * The IOMMU covering {@code device}'s bus, if any: what {@link RiscvPlatformModel#iommuCovering} answers,
     * from a map built once rather than a walk over every IOMMU's buses.
     */
    public Optional<RiscvIommuModel> iommuCovering(DeviceModel device) {
        return Optional.ofNullable(iommuOfBus.get(device.bus()));
    }

    /** The kernel owning the first function with the requester id the IOMMU sees on {@code device}'s writes. */
    public String contextOwner(DeviceModel device) {
        String first = contextOwners.get(device.iommuRequesterId());
        return first != null ? first : owner(device.name());
    }

    /** The kernel a file belongs to: the host's machine- and supervisor-level files, a guest file's vCPU's guest, or none. */
    public String fileOwner(InterruptFile file) {
        if (file.level() != FileLevel.GUEST) {
            return HOST;
        }
        return guestFiles.getOrDefault(file, NOBODY);
    }

    /** What the device's storage slot holds: the message it emits when the slot fires. */
    public Optional<Message> stored(String device, StorageKind storage, int slot) {
        Message[] held = slots.get(new Storage(device, storage));
        return Optional.ofNullable(held != null && slot >= 0 && slot < held.length ? held[slot] : null);
    }

    private void store(String device, StorageKind storage, int slot, Message message) {
        Message[] held = slots.computeIfAbsent(new Storage(device, storage), s -> new Message[slot + 1]);
        if (slot >= held.length) {
            held = Arrays.copyOf(held, slot + 1);
            slots.put(new Storage(device, storage), held);
        }
        held[slot] = message;
    }

    /** Fires slot {@code slot} of a booted stack: the device emits what the slot holds. */
    public RiscvOutcome fire(RiscvStackResult stack, int slot) {
        Optional<Message> stored = stored(stack.device(), stack.storage(), slot);
        if (stored.isEmpty()) {
            // an allocated slot of a trapped storage is empty only when the host could not back the stack
            boolean dropped = stack.trapped() && stack.interrupts().stream().anyMatch(v -> v.slot() == slot);
            return new RiscvOutcome.NotSentAtAll(dropped ? NotSent.TRAPPED_STORE_DROPPED : NotSent.NEVER_WRITTEN);
        }
        return emit(device(stack.device()), stored.get());
    }

    /** One naturally aligned 32-bit write of {@code message} by {@code device}, through its IOMMU to the IMSICs. */
    public RiscvOutcome emit(DeviceModel device, Message message) {
        DeviceTranslation t = translation(device);
        DeviceWrite write = new DeviceBus(t.caps(), imsics).write(t.context(), t.stage(), message.address(), message.data());
        return new RiscvOutcome.Written(write, taken(write));
    }

    private Optional<Taken> taken(DeviceWrite write) {
        if (write instanceof DeviceWrite.Onward o && o.effect() instanceof ImsicWrite.Pending p) {
            return Optional.of(take(p.target(), p.identity()));
        }
        if (write instanceof DeviceWrite.MrifRecorded m && m.notice() instanceof ImsicWrite.Pending p) {
            return Optional.of(take(p.target(), p.identity()));
        }
        return Optional.empty();
    }

    /** Who takes identity {@code identity} of {@code file} once it is pending. */
    public Taken take(InterruptFile file, int identity) {
        Handler handler = handlers.get(file, identity);
        if (handler != null) {
            return handler.kernel().equals(HOST)
                    ? new Taken(HOST, file.hart(), file, identity, OptionalInt.of(handler.virq()), TakenRoute.HOST, Optional.empty())
                    : new Taken(handler.kernel(), guests.get(handler.kernel()).vcpuOf(file).orElseThrow(), file, identity,
                            OptionalInt.of(handler.virq()), TakenRoute.GUEST_FILE, Optional.empty());
        }
        GuestRoute route = routes.get(file, identity);
        if (route != null) {
            return inject(route, new Target.FileIdentity(file, identity));
        }
        GuestRoute notice = notices.get(file, identity);
        if (notice != null) {
            return new Taken(notice.guest(), notice.vcpu(), file, identity, OptionalInt.empty(), TakenRoute.NOTICE,
                    Optional.empty());
        }
        String owner = fileOwner(file);
        if (identity == ImsicMatrix.IPI_IDENTITY && (file.level() == FileLevel.SUPERVISOR
                || file.level() == FileLevel.GUEST && !owner.equals(NOBODY))) {
            // the host's IMSIC driver on a hart, and a guest's on its vCPU's file, take identity 1 for IPIs
            return file.level() == FileLevel.SUPERVISOR
                    ? new Taken(HOST, file.hart(), file, identity, OptionalInt.empty(), TakenRoute.IPI, Optional.empty())
                    : new Taken(owner, guests.get(owner).vcpuOf(file).orElseThrow(), file, identity, OptionalInt.empty(),
                            TakenRoute.IPI, Optional.empty());
        }
        int cpu = owner.equals(HOST) ? file.hart() : owner.equals(NOBODY) ? -1 : guests.get(owner).vcpuOf(file).orElseThrow();
        return new Taken(owner, cpu, file, identity, OptionalInt.empty(), TakenRoute.UNOWNED, Optional.empty());
    }

    /**
     * KVM injects the guest's message into the guest file behind the vCPU whose page it names
     * ({@code kvm_riscv_aia_inject_msi}: the vCPU whose IMSIC address matches, then a write of the
     * identity into its file).
     */
    private Taken inject(GuestRoute route, Target.FileIdentity host) {
        GuestImsic guest = guests.get(route.guest());
        InterruptFile file = guest.backing(route.vcpu());
        ImsicWrite written = imsics.write(model.imsic().page(file) | route.message().address() & 0xFFF, route.message().data());
        if (!(written instanceof ImsicWrite.Pending p)) {
            return new Taken(route.guest(), route.vcpu(), file, route.message().data(), OptionalInt.empty(),
                    TakenRoute.UNOWNED, Optional.of(host));
        }
        Handler handler = handlers.get(p.target(), p.identity());
        OptionalInt virq = handler == null ? OptionalInt.empty() : OptionalInt.of(handler.virq());
        return new Taken(route.guest(), route.vcpu(), p.target(), p.identity(), virq,
                handler == null ? TakenRoute.UNOWNED : TakenRoute.IRQFD, Optional.of(host));
    }

    /** The handler of an identity, if a stack took it. */
    public Optional<Handler> handler(InterruptFile file, int identity) {
        return Optional.ofNullable(handlers.get(file, identity));
    }

    /** The guest vector a host identity backs. */
    public Optional<GuestRoute> route(InterruptFile file, int identity) {
        return Optional.ofNullable(routes.get(file, identity));
    }
}
