package dev.irqtopo.compiler.naming;

import dev.irqtopo.model.BridgeModel;
import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.GuestModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.StackModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The classes generated for one platform, derived from its model before any code is written: the
 * kernel classes with the device accessors each one has, the hardware view's accessors, and the
 * shared shape classes. Both the emitter and the name-clash check read it, so they cannot disagree.
 */
public final class PlatformLayout {

    /** A kernel's class: the host's, or one guest's. */
    public record KernelLayout(String kernel, boolean host, String className, String accessor, List<DriverEntry> devices) {
        public KernelLayout {
            devices = List.copyOf(devices);
        }
    }

    /** A device accessor on a kernel class. */
    public record DriverEntry(String device, String accessor, DriverShape shape) {
    }

    /** A device accessor on the hardware view. */
    public record DeviceEntry(DeviceModel device, String accessor, DeviceShape shape) {
    }

    /** A bridge, named in constants as its accessor would be. */
    public record BridgeEntry(BridgeModel bridge, String accessor) {
    }

    private final PlatformModel model;
    private final List<DeviceModel> devices;
    /** Each device's place in declaration order. */
    private final Map<String, Integer> declared = new HashMap<>();
    private final List<KernelLayout> kernels = new ArrayList<>();
    private final List<DeviceEntry> hardware = new ArrayList<>();
    private final List<BridgeEntry> bridges = new ArrayList<>();
    private final Set<DriverShape> driverShapes = new LinkedHashSet<>();
    private final Set<DeviceShape> deviceShapes = new LinkedHashSet<>();

    private PlatformLayout(PlatformModel model) {
        this.model = model;
        this.devices = model.devices();
        for (int i = 0; i < devices.size(); i++) {
            declared.putIfAbsent(devices.get(i).name(), i);
        }
        kernels.add(kernel(GeneratedNames.HOST, true, model.hostStacks()));
        for (GuestModel guest : model.guests()) {
            kernels.add(kernel(guest.name(), false, guest.stacks()));
        }
        for (DeviceModel device : devices) {
            List<BusDomainKind> storages = device.storages().stream().map(s -> s.kind().busDomain())
                    .sorted(Comparator.naturalOrder()).toList();
            DeviceShape shape = new DeviceShape(storages);
            deviceShapes.add(shape);
            hardware.add(new DeviceEntry(device, Naming.accessorName(device.name()), shape));
        }
        model.buses().forEach(bus -> bus.bridges().forEach(b -> bridges.add(new BridgeEntry(b,
                Naming.accessorName(b.name())))));
    }

    public static PlatformLayout of(PlatformModel model) {
        return new PlatformLayout(model);
    }

    public PlatformModel model() {
        return model;
    }

    public String platformClass() {
        return Naming.className(model.name());
    }

    /** The host first, then the guests in declaration order. */
    public List<KernelLayout> kernels() {
        return List.copyOf(kernels);
    }

    /** Every device, in declaration order. */
    public List<DeviceEntry> hardware() {
        return List.copyOf(hardware);
    }

    /** Every bridge, in declaration order. */
    public List<BridgeEntry> bridges() {
        return List.copyOf(bridges);
    }

    /** The devices the IOMMU sees with another requester id than their own: those behind a bridge. */
    public List<DeviceEntry> aliased() {
        return hardware.stream().filter(d -> !d.device().iommuRequesterId().equals(d.device().requesterId())).toList();
    }

    /** The kernels' device shapes, in order of first use. */
    public List<DriverShape> driverShapes() {
        return List.copyOf(driverShapes);
    }

    /** The hardware view's device shapes, in order of first use. */
    public List<DeviceShape> deviceShapes() {
        return List.copyOf(deviceShapes);
    }

    /** Whether any kernel exposes a bus domain at all, and so needs the bus-domain class. */
    public boolean hasDomains() {
        return !driverShapes.isEmpty();
    }

    /** Whether any guest may write a declared storage without a trap. */
    public boolean hasWritableDomains() {
        return driverShapes.stream().flatMap(s -> s.domains().stream()).anyMatch(DomainAccess::writable);
    }

    /** The nested types the platform class declares beside the guests' classes: none is a declared name. */
    public List<String> fixedNestedTypes() {
        List<String> names = new ArrayList<>();
        names.add(GeneratedNames.HOST_CLASS);
        names.add(GeneratedNames.HARDWARE_CLASS);
        driverShapes.forEach(s -> names.add(s.className()));
        deviceShapes.forEach(s -> names.add(s.className()));
        if (hasDomains()) {
            names.add(GeneratedNames.BUS_DOMAIN_CLASS);
        }
        if (hasWritableDomains()) {
            names.add(GeneratedNames.WRITABLE_BUS_DOMAIN_CLASS);
        }
        names.add(GeneratedNames.REQUESTER_IDS_CLASS);
        if (!bridges.isEmpty()) {
            names.add(GeneratedNames.BRIDGE_ALIASES_CLASS);
        }
        if (!aliased().isEmpty()) {
            names.add(GeneratedNames.IOMMU_REQUESTER_IDS_CLASS);
        }
        names.add(GeneratedNames.SIZES_CLASS);
        return names;
    }

    private KernelLayout kernel(String name, boolean host, List<StackModel> stacks) {
        // the kernel's devices in declaration order, found from its stacks: a walk of every device for
        // every kernel would cost devices times guests
        Map<Integer, List<StackModel>> stacksByDevice = new TreeMap<>();
        for (StackModel stack : stacks) {
            Integer index = declared.get(stack.device());
            if (index != null) {
                stacksByDevice.computeIfAbsent(index, d -> new ArrayList<>()).add(stack);
            }
        }
        List<DriverEntry> entries = new ArrayList<>();
        for (Map.Entry<Integer, List<StackModel>> byDevice : stacksByDevice.entrySet()) {
            DeviceModel device = devices.get(byDevice.getKey());
            List<StackModel> own = byDevice.getValue();
            List<DomainAccess> domains = own.stream()
                    .sorted(Comparator.comparing(StackModel::busDomain))
                    .map(s -> new DomainAccess(s.busDomain(), !host && guestWritesReachDevice(s)))
                    .toList();
            DriverShape shape = new DriverShape(domains);
            driverShapes.add(shape);
            entries.add(new DriverEntry(device.name(), Naming.accessorName(device.name()), shape));
        }
        String className = host ? GeneratedNames.HOST_CLASS : Naming.className(name);
        String accessor = host ? GeneratedNames.HOST_ACCESSOR : Naming.accessorName(name);
        return new KernelLayout(name, host, className, accessor, entries);
    }

    /** Whether a guest's raw store into the stack's storage reaches the device: the hypervisor says. */
    private boolean guestWritesReachDevice(StackModel stack) {
        return model.hypervisor().map(hv -> hv.guestWritesReachDevice(stack.storage())).orElse(true);
    }
}
