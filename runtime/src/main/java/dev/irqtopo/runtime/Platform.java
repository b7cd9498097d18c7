package dev.irqtopo.runtime;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.GuestModel;
import dev.irqtopo.model.HypervisorModel;
import dev.irqtopo.model.IommuKind;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.KernelProfile;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.StackModel;
import dev.irqtopo.model.StackPlan;
import dev.irqtopo.runtime.bus.Device;
import dev.irqtopo.runtime.bus.Storage;
import dev.irqtopo.runtime.delivery.Router;
import dev.irqtopo.runtime.delivery.Source;
import dev.irqtopo.runtime.hypervisor.Hypervisor;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.remap.AmdViRemapDomain;
import dev.irqtopo.runtime.remap.RemapDomain;
import dev.irqtopo.runtime.remap.VtdRemapDomain;
import dev.irqtopo.runtime.stack.DomainStack;
import dev.irqtopo.runtime.stack.HostBoot;
import dev.irqtopo.runtime.stack.Interrupt;
import dev.irqtopo.runtime.vector.DeviceVectorRange;
import dev.irqtopo.runtime.vector.LogicalDestinations;
import dev.irqtopo.runtime.vector.VectorDomain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A running platform: its kernels (the host, then the guests in declaration order), their domain
 * stacks, the remapping units, the hypervisor and the devices. {@link #create} builds every part and
 * wires each to the parts it talks to, and creates every stack's bus domain; {@link #boot} performs the
 * declared allocations in boot order. Kernels and stacks are handles of this platform;
 * {@link #hardware()} is the device side. No part keeps the platform itself.
 *
 * <p>Each kernel runs its profile ({@link PlatformModel#hostKernel()}, {@link GuestModel#kernel()}),
 * which alone decides its rules: the vector range of its vector domain, how it names CPUs, its stack
 * plans, the redirection hint of the host's VT-d entries, and whether the hardware reads logical
 * destinations by the host CPUs' logical ids.
 *
 * <p>Thread-safe: changes run one at a time under the platform's lock, queries see the state between
 * two changes, and firing a slot takes no lock (the package documentation gives the whole contract).
 */
public final class Platform {

    private final PlatformModel model;
    private final PlatformLock lock = new PlatformLock();
    private final Kernel host;
    private final Map<String, Kernel> kernels = new LinkedHashMap<>();
    private final Map<String, RemapDomain> remapDomains = new LinkedHashMap<>();
    /** The devices in declaration order. */
    private final Map<String, Device> devices = new LinkedHashMap<>();
    private final List<Stack> stacks = new ArrayList<>();
    /** The stack that claims each storage's slots, for snapshots. */
    private final Map<Storage, DomainStack> stackOfStorage = new IdentityHashMap<>();
    private final Hardware hardware;
    /** What the host took before any device probes, and takes before each function's first allocation. */
    private final HostBoot hostBoot;
    private volatile boolean booted;

    private Platform(PlatformModel model) {
        this.model = model;
        Hypervisor hypervisor = model.hypervisor().map(Hypervisor::new).orElse(null);
        Map<String, VectorDomain<Interrupt>> vectorDomains = vectorDomains();
        addRemapDomains();
        Map<String, RemapDomain> remapOfDevice = addDevices();
        Map<String, Device> deviceView = Collections.unmodifiableMap(devices);
        for (VectorDomain<Interrupt> vectors : vectorDomains.values()) {
            kernels.put(vectors.kernel(), new Kernel(vectors, deviceView, vectors.isHost() ? null : hypervisor, lock));
        }
        this.host = kernels.get(Kernel.HOST);
        this.hostBoot = HostBoot.boot(model, host.vectors(), Collections.unmodifiableMap(remapDomains));
        for (StackModel stack : model.hostStacks()) {
            addStack(host, model.hostKernel(), stack, hypervisor, remapOfDevice);
        }
        for (GuestModel guest : model.guests()) {
            for (StackModel stack : guest.stacks()) {
                addStack(kernels.get(guest.name()), guest.kernel(), stack, hypervisor, remapOfDevice);
            }
        }
        Router router = new Router(host.vectors(), vectorDomains, logicalDestinations());
        Map<String, Source> sources = new LinkedHashMap<>();
        Map<String, DeviceStorage[]> storages = new HashMap<>();
        for (Device device : devices.values()) {
            Source source = new Source(device, remapOfDevice.get(device.name()));
            sources.put(device.name(), source);
            DeviceStorage[] own = new DeviceStorage[BusDomainKind.values().length];
            for (BusDomainKind kind : BusDomainKind.values()) {
                Storage storage = device.storage(kind);
                own[kind.ordinal()] = storage == null ? null : new DeviceStorage(storage, source, router, lock);
            }
            storages.put(device.name(), own);
        }
        this.hardware = new Hardware(model.name(), Collections.unmodifiableMap(sources), storages,
                Collections.unmodifiableMap(remapDomains), host.vectors(), router, lock);
    }

    /**
     * One vector domain per kernel, the host first: the host's over the platform's APIC IDs, each
     * guest's over vCPUs whose APIC IDs equal their numbers, with 15-bit ids only if its hypervisor
     * offers them and the guest can detect it; each naming CPUs and allocating vectors as its kernel's
     * profile says.
     */
    private Map<String, VectorDomain<Interrupt>> vectorDomains() {
        Map<String, VectorDomain<Interrupt>> domains = new LinkedHashMap<>();
        domains.put(Kernel.HOST, new VectorDomain<>(Kernel.HOST, hostApicIds(), false, model.hostDestinationMode(),
                DeviceVectorRange.of(model.hostKernel())));
        for (GuestModel guest : model.guests()) {
            if (domains.containsKey(guest.name())) {
                throw new IllegalArgumentException("two kernels named " + guest.name());
            }
            HypervisorModel hv = model.hypervisor().orElseThrow(
                    () -> new IllegalArgumentException("guest " + guest.name() + " has no hypervisor"));
            domains.put(guest.name(), new VectorDomain<>(guest.name(), IntStream.range(0, guest.cpus()).toArray(),
                    hv.extDestId() && hv.cpuidVisible(), guest.kernel().guestDestinationMode(),
                    DeviceVectorRange.of(guest.kernel())));
        }
        return domains;
    }

    private int[] hostApicIds() {
        return model.cpu().apicIds().stream().mapToInt(Integer::intValue).toArray();
    }

    /** The host CPUs' logical ids, where the host's profile reads logical destinations by them. */
    private Optional<LogicalDestinations> logicalDestinations() {
        return model.hostKernel().decodesLogicalDestinations()
                ? Optional.of(LogicalDestinations.of(hostApicIds(), model.cpu().apic(), model.hostDestinationMode()))
                : Optional.empty();
    }

    /** One remap domain per IOMMU with remapping on. */
    private void addRemapDomains() {
        for (IommuModel iommu : model.iommus()) {
            if (iommu.remapping()) {
                remapDomains.put(iommu.name(), iommu.kind() == IommuKind.VTD
                        ? new VtdRemapDomain(iommu, model.cpu().apic(), model.hostKernel().vtdRedirectionHint())
                        : new AmdViRemapDomain(iommu));
            }
        }
    }

    /**
     * Devices with their owner (the guest they are assigned to, else the host); returns the remap
     * domain covering each device, by name, where one does.
     */
    private Map<String, RemapDomain> addDevices() {
        // by name once, rather than asking the model (a walk of every guest) for each device
        Map<String, String> assigned = new HashMap<>();
        for (GuestModel guest : model.guests()) {
            for (String device : guest.devices()) {
                assigned.putIfAbsent(device, guest.name());
            }
        }
        Map<String, RemapDomain> remapOfBus = new HashMap<>();
        for (IommuModel iommu : model.iommus()) {
            for (String bus : iommu.covers()) {
                if (!remapOfBus.containsKey(bus)) {
                    // the first unit covering the bus, as the model has it; null when its remapping is off
                    remapOfBus.put(bus, remapDomains.get(iommu.name()));
                }
            }
        }
        Map<String, RemapDomain> remapOfDevice = new HashMap<>();
        for (DeviceModel device : model.devices()) {
            if (devices.put(device.name(), new Device(device, assigned.getOrDefault(device.name(), Kernel.HOST))) != null) {
                throw new IllegalArgumentException("two devices named " + device.name());
            }
            RemapDomain remap = remapOfBus.get(device.bus());
            if (remap != null) {
                remapOfDevice.put(device.name(), remap);
            }
        }
        for (GuestModel guest : model.guests()) {
            for (String device : guest.devices()) {
                if (!devices.containsKey(device) || !devices.get(device).owner().equals(guest.name())) {
                    throw new IllegalArgumentException("guest " + guest.name() + " is assigned " + device
                            + ", which is unknown or assigned elsewhere");
                }
            }
        }
        return remapOfDevice;
    }

    private void addStack(Kernel kernel, KernelProfile profile, StackModel stack, Hypervisor hypervisor,
                          Map<String, RemapDomain> remapOfDevice) {
        Device device = devices.get(stack.device());
        if (device == null || !device.owner().equals(kernel.name())) {
            throw new IllegalArgumentException(kernel.name() + " has a stack for " + stack.device() + ", which it does not own");
        }
        Storage storage = device.storage(stack.busDomain());
        if (storage == null || storage.kind() != stack.storage()) {
            throw new IllegalArgumentException("device " + stack.device() + " has no " + stack.storage().keyword() + " storage");
        }
        if (kernel.stack(stack.device(), stack.busDomain()).isPresent()) {
            throw new IllegalArgumentException(kernel.name() + " has two stacks for " + stack.device() + "." + stack.busDomain().keyword());
        }
        RemapDomain deviceRemap = remapOfDevice.get(device.name());
        RemapDomain remap = null;
        if (stack.remap().isPresent()) {
            remap = remapDomains.get(stack.remap().get());
            if (!kernel.isHost() || remap == null || remap != deviceRemap) {
                throw new IllegalArgumentException("remap " + stack.remap().get() + " does not translate " + stack.device()
                        + " for " + kernel.name());
            }
        }
        if (stack.hypercall() && (kernel.isHost() || !hypervisor.model().composeHypercallUsable())) {
            throw new IllegalArgumentException(kernel.name() + " has no compose hypercall for " + stack.device());
        }
        StackPlan plan = StackPlan.of(kernel.isHost(), model.hypervisor(), stack, profile);
        DomainStack domains = kernel.isHost()
                ? DomainStack.host(stack, plan, kernel.vectors(), remap, device.model(), storage)
                : DomainStack.guest(stack, plan, kernel.vectors(), hypervisor, host.vectors(), model.hostKernel(), deviceRemap,
                        device.model(), storage);
        Stack created = new Stack(kernel, domains, lock, kernel.isHost() ? hostBoot : null);
        kernel.add(created);
        stacks.add(created);
        stackOfStorage.put(storage, domains);
    }

    /**
     * Builds the platform a checked model describes, with every stack's bus domain created or refused.
     *
     * @throws IllegalArgumentException when the model breaks a rule the checker enforces (a stack for a
     *         device the kernel does not own or a storage it lacks, a {@code remap} link to a unit that
     *         does not translate the device, an {@code hcall} link without the hypercall, ...)
     */
    public static Platform create(PlatformModel model) {
        return new Platform(Objects.requireNonNull(model));
    }

    public PlatformModel model() {
        return model;
    }

    public Kernel host() {
        return host;
    }

    /** A guest by name. */
    public Optional<Kernel> guest(String name) {
        Kernel kernel = kernels.get(name);
        return kernel == null || kernel == host ? Optional.empty() : Optional.of(kernel);
    }

    /** The host, then the guests in declaration order. */
    public List<Kernel> kernels() {
        return List.copyOf(kernels.values());
    }

    /** Every stack in boot order: the host's, then each guest's, each in declaration order. */
    public List<Stack> stacks() {
        return Collections.unmodifiableList(stacks);
    }

    public Hardware hardware() {
        return hardware;
    }

    /**
     * What the host took before any device probes (under a Linux profile: each VT-d unit's fault-event
     * interrupt, the I/O APIC's pins) and the INTx entries its functions took since; nothing under
     * {@code design}.
     */
    public HostBoot hostBoot() {
        return hostBoot;
    }

    /**
     * Performs every stack's declared {@code alloc} in boot order (a trapped guest store or a hypercall
     * allocates on the host at that moment) and reports each stack.
     *
     * @throws IllegalStateException when the platform was booted already
     */
    public List<StackResult> boot() {
        return lock.change(() -> {
            if (booted) {
                throw new IllegalStateException("platform " + model.name() + " is booted already");
            }
            booted = true;
            List<StackResult> results = new ArrayList<>();
            for (Stack stack : stacks) {
                Allocation allocation = stack.allocateLocked(stack.model().alloc());
                results.add(new StackResult(stack.kernel().name(), stack.device(), stack.busDomain(), stack.chain(),
                        stack.created(), allocation));
            }
            return results;
        });
    }

    public boolean isBooted() {
        return booted;
    }

    /** The whole state as a value, equal for equal states; taken between two changes, never during one. */
    public PlatformSnapshot snapshot() {
        return lock.read(this::snapshotLocked);
    }

    private PlatformSnapshot snapshotLocked() {
        List<PlatformSnapshot.KernelState> kernelStates = new ArrayList<>();
        for (Kernel kernel : kernels.values()) {
            kernelStates.add(kernel.state());
        }
        List<PlatformSnapshot.EntryState> entries = new ArrayList<>();
        for (RemapDomain domain : remapDomains.values()) {
            domain.forEachAllocated((table, index, entry) ->
                    entries.add(new PlatformSnapshot.EntryState(domain.name(), table, index, entry)));
        }
        List<PlatformSnapshot.StorageState> storages = new ArrayList<>();
        for (Device device : devices.values()) {
            for (BusDomainKind kind : BusDomainKind.values()) {
                Storage storage = device.storage(kind);
                if (storage != null) {
                    PlatformSnapshot.StorageState state = state(storage, stackOfStorage.get(storage));
                    if (!state.slots().isEmpty() || state.enabled() != 0) {
                        storages.add(state);
                    }
                }
            }
        }
        return new PlatformSnapshot(model.name(), kernelStates, entries, storages);
    }

    /** Every slot of {@code storage} that differs from reset, with the interrupt of {@code claims} that uses it. */
    private static PlatformSnapshot.StorageState state(Storage storage, DomainStack claims) {
        List<PlatformSnapshot.SlotState> slots = new ArrayList<>();
        for (int slot = 0; slot < storage.size(); slot++) {
            Interrupt claimant = claims == null ? null : claims.claimant(slot);
            Optional<Message> register = storage.register(slot);
            if (register.isPresent() || !storage.isMasked(slot) || claimant != null) {
                slots.add(new PlatformSnapshot.SlotState(slot, register, storage.isMasked(slot),
                        claimant == null ? Optional.empty() : Optional.of(claimant.kernel() + " irq " + claimant.virq())));
            }
        }
        return new PlatformSnapshot.StorageState(storage.device(), storage.busDomain(), storage.enabled(), slots);
    }
}
