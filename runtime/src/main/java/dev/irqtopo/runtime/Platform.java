package dev.irqtopo.runtime;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.GuestModel;
import dev.irqtopo.model.HypervisorModel;
import dev.irqtopo.model.IommuKind;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.StackModel;
import dev.irqtopo.model.StackPlan;

import dev.irqtopo.runtime.remap.AmdViRemapDomain;
import dev.irqtopo.runtime.remap.RemapDomain;
import dev.irqtopo.runtime.remap.VtdRemapDomain;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A running platform: its kernels (the host, then the guests in declaration order), their domain
 * stacks, the remapping units, the hypervisor and the devices. {@link #create} builds it and creates
 * every stack's bus domain; {@link #boot} performs the declared allocations in boot order. Kernels and
 * stacks are handles of this platform; {@link #hardware()} is the device side.
 *
 * <p>Thread-safe: changes run one at a time under the platform's lock, queries see the state between
 * two changes, and firing a slot takes no lock (the package documentation gives the whole contract).
 */
public final class Platform {

    private final PlatformModel model;
    private final Kernel host;
    private final Map<String, Kernel> kernels = new LinkedHashMap<>();
    private final Map<String, RemapDomain> remapDomains = new LinkedHashMap<>();
    private final Map<String, Device> devices = new HashMap<>();
    private final List<Device> deviceOrder = new ArrayList<>();
    private final List<Stack> stacks = new ArrayList<>();
    private final Hypervisor hypervisor;
    private final PlatformLock lock = new PlatformLock();
    private final Router router = new Router(this);
    private final Hardware hardware = new Hardware(this);
    private volatile boolean booted;

    private Platform(PlatformModel model) {
        this.model = model;
        this.host = new Kernel(this, Kernel.HOST, model.cpu().apicIds().stream().mapToInt(Integer::intValue).toArray(), false);
        this.hypervisor = model.hypervisor().map(hv -> new Hypervisor(hv, host)).orElse(null);
        kernels.put(host.name(), host);
        addGuests();
        addRemapDomains();
        addDevices();
        for (StackModel stack : model.hostStacks()) {
            addStack(host, stack);
        }
        for (GuestModel guest : model.guests()) {
            for (StackModel stack : guest.stacks()) {
                addStack(kernels.get(guest.name()), stack);
            }
        }
    }

    /** Each guest's vCPUs have APIC IDs equal to their numbers; 15-bit ids only if offered and detectable. */
    private void addGuests() {
        for (GuestModel guest : model.guests()) {
            if (kernels.containsKey(guest.name())) {
                throw new IllegalArgumentException("two kernels named " + guest.name());
            }
            HypervisorModel hv = hypervisor.model();
            kernels.put(guest.name(), new Kernel(this, guest.name(), IntStream.range(0, guest.cpus()).toArray(),
                    hv.extDestId() && hv.cpuidVisible()));
        }
    }

    /** One remap domain per IOMMU with remapping on. */
    private void addRemapDomains() {
        for (IommuModel iommu : model.iommus()) {
            if (iommu.remapping()) {
                remapDomains.put(iommu.name(), iommu.kind() == IommuKind.VTD
                        ? new VtdRemapDomain(iommu, model.cpu().apic())
                        : new AmdViRemapDomain(iommu));
            }
        }
    }

    /** Devices with their owner (the guest they are assigned to, else the host) and the remap domain covering them. */
    private void addDevices() {
        // by name once, rather than asking the model (a walk of every guest) for each device
        Map<String, Kernel> assigned = new HashMap<>();
        for (GuestModel guest : model.guests()) {
            for (String device : guest.devices()) {
                assigned.putIfAbsent(device, kernels.get(guest.name()));
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
        for (DeviceModel device : model.devices()) {
            Kernel owner = assigned.getOrDefault(device.name(), host);
            RemapDomain remap = remapOfBus.get(device.bus());
            Device d = new Device(this, device, owner, remap);
            if (devices.put(device.name(), d) != null) {
                throw new IllegalArgumentException("two devices named " + device.name());
            }
            deviceOrder.add(d);
        }
        for (GuestModel guest : model.guests()) {
            for (String device : guest.devices()) {
                if (!devices.containsKey(device) || devices.get(device).owner != kernels.get(guest.name())) {
                    throw new IllegalArgumentException("guest " + guest.name() + " is assigned " + device
                            + ", which is unknown or assigned elsewhere");
                }
            }
        }
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
        for (Device device : deviceOrder) {
            for (BusDomainKind kind : BusDomainKind.values()) {
                DeviceStorage storage = device.storage(kind);
                if (storage != null) {
                    PlatformSnapshot.StorageState state = storage.state();
                    if (!state.slots().isEmpty() || state.enabled() != 0) {
                        storages.add(state);
                    }
                }
            }
        }
        return new PlatformSnapshot(model.name(), kernelStates, entries, storages);
    }

    // ---- inside the engine

    PlatformLock lock() {
        return lock;
    }

    Router router() {
        return router;
    }

    Hypervisor hypervisor() {
        return hypervisor;
    }

    Kernel kernel(String name) {
        return kernels.get(name);
    }

    Device device(String name) {
        return devices.get(name);
    }

    RemapDomain remapDomain(String iommu) {
        return remapDomains.get(iommu);
    }

    Collection<RemapDomain> remapDomains() {
        return Collections.unmodifiableCollection(remapDomains.values());
    }

    /** The devices in declaration order. */
    List<Device> devices() {
        return Collections.unmodifiableList(deviceOrder);
    }

    private void addStack(Kernel kernel, StackModel stack) {
        Device device = devices.get(stack.device());
        if (device == null || device.owner != kernel) {
            throw new IllegalArgumentException(kernel.name() + " has a stack for " + stack.device() + ", which it does not own");
        }
        if (device.storage(stack.busDomain()) == null || device.storage(stack.busDomain()).kind() != stack.storage()) {
            throw new IllegalArgumentException("device " + stack.device() + " has no " + stack.storage().keyword() + " storage");
        }
        if (kernel.stack(stack.device(), stack.busDomain()).isPresent()) {
            throw new IllegalArgumentException(kernel.name() + " has two stacks for " + stack.device() + "." + stack.busDomain().keyword());
        }
        RemapDomain remap = null;
        if (stack.remap().isPresent()) {
            remap = remapDomains.get(stack.remap().get());
            if (!kernel.isHost() || remap == null || remap != device.remap) {
                throw new IllegalArgumentException("remap " + stack.remap().get() + " does not translate " + stack.device()
                        + " for " + kernel.name());
            }
        }
        if (stack.hypercall() && (kernel.isHost() || !hypervisor.model().composeHypercallUsable())) {
            throw new IllegalArgumentException(kernel.name() + " has no compose hypercall for " + stack.device());
        }
        StackPlan plan = StackPlan.of(kernel.isHost(), model.hypervisor(), stack);
        Stack created = new Stack(this, kernel, stack, plan, device, remap);
        kernel.add(created);
        stacks.add(created);
    }
}
