package dev.irqtopo.testing;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.BusModel;
import dev.irqtopo.model.CpuModel;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.GuestModel;
import dev.irqtopo.model.HypervisorKind;
import dev.irqtopo.model.HypervisorModel;
import dev.irqtopo.model.IommuKind;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.SourceCheck;
import dev.irqtopo.model.StackModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.StorageModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Builds checked platform models by hand, with the language's defaults, so tests read like the
 * {@code .irqtopo} files they stand for.
 */
public final class PlatformBuilder {

    private final String name;
    private CpuModel cpu = CpuModel.of(1, ApicMode.XAPIC);
    private final List<IommuModel> iommus = new ArrayList<>();
    private HypervisorModel hypervisor;
    private final List<BusModel> buses = new ArrayList<>();
    private final List<StackModel> hostStacks = new ArrayList<>();
    private final List<GuestModel> guests = new ArrayList<>();

    private PlatformBuilder(String name) {
        this.name = name;
    }

    public static PlatformBuilder platform(String name) {
        return new PlatformBuilder(name);
    }

    public PlatformBuilder cpus(int count) {
        return cpus(count, ApicMode.XAPIC);
    }

    public PlatformBuilder cpus(int count, ApicMode apic) {
        cpu = CpuModel.of(count, apic);
        return this;
    }

    public PlatformBuilder apicIds(ApicMode apic, Integer... ids) {
        cpu = new CpuModel(ids.length, apic, Arrays.asList(ids));
        return this;
    }

    /** {@code iommu vtd NAME { }}: remapping on, 65536 entries, source_check full, compat blocked, posted off. */
    public PlatformBuilder vtd(String iommu) {
        return iommu(vtdUnit(iommu));
    }

    public PlatformBuilder iommu(IommuModel iommu) {
        iommus.add(iommu);
        return this;
    }

    public static IommuModel vtdUnit(String name) {
        return new IommuModel(name, IommuKind.VTD, true, 65536, SourceCheck.FULL, false, false, List.of());
    }

    public static IommuModel amdViUnit(String name, int entries) {
        return new IommuModel(name, IommuKind.AMDVI, true, entries, SourceCheck.FULL, false, false, List.of());
    }

    /** Copies of a unit with one property changed. */
    public static IommuModel withEntries(IommuModel u, int entries) {
        return new IommuModel(u.name(), u.kind(), u.remapping(), entries, u.sourceCheck(), u.compatAllowed(), u.posted(), u.covers());
    }

    public static IommuModel withSourceCheck(IommuModel u, SourceCheck check) {
        return new IommuModel(u.name(), u.kind(), u.remapping(), u.entries(), check, u.compatAllowed(), u.posted(), u.covers());
    }

    public static IommuModel withCompatAllowed(IommuModel u) {
        return new IommuModel(u.name(), u.kind(), u.remapping(), u.entries(), u.sourceCheck(), true, u.posted(), u.covers());
    }

    public static IommuModel withPosted(IommuModel u) {
        return new IommuModel(u.name(), u.kind(), u.remapping(), u.entries(), u.sourceCheck(), u.compatAllowed(), true, u.covers());
    }

    public static IommuModel withRemappingOff(IommuModel u) {
        return new IommuModel(u.name(), u.kind(), false, u.entries(), u.sourceCheck(), u.compatAllowed(), u.posted(), u.covers());
    }

    public static IommuModel covering(IommuModel u, String... buses) {
        return new IommuModel(u.name(), u.kind(), u.remapping(), u.entries(), u.sourceCheck(), u.compatAllowed(), u.posted(),
                List.of(buses));
    }

    /** {@code hypervisor kvm { }}: cpuid visible, traps msi and msix, no hypercall, no ext_dest_id. */
    public PlatformBuilder kvm() {
        return hypervisor(new HypervisorModel(HypervisorKind.KVM, true, EnumSet.of(StorageKind.MSI, StorageKind.MSIX), false,
                false));
    }

    public PlatformBuilder hypervisor(HypervisorModel model) {
        hypervisor = model;
        return this;
    }

    public static HypervisorModel hypervisorWith(boolean cpuidVisible, boolean composeHypercall, boolean extDestId,
                                                 StorageKind... traps) {
        EnumSet<StorageKind> trapped = EnumSet.noneOf(StorageKind.class);
        trapped.addAll(Arrays.asList(traps));
        return new HypervisorModel(HypervisorKind.KVM, cpuidVisible, trapped, composeHypercall, extDestId);
    }

    public PlatformBuilder bus(String bus, DeviceSpec... devices) {
        List<DeviceModel> models = new ArrayList<>();
        for (DeviceSpec d : devices) {
            models.add(d.in(bus));
        }
        buses.add(new BusModel(bus, models));
        return this;
    }

    /** A bus block built by hand, bridges and all. */
    public PlatformBuilder bus(BusModel bus) {
        buses.add(bus);
        return this;
    }

    public PlatformBuilder host(StackModel... stacks) {
        hostStacks.addAll(Arrays.asList(stacks));
        return this;
    }

    public PlatformBuilder guest(String guest, int cpus, List<String> devices, StackModel... stacks) {
        guests.add(new GuestModel(guest, cpus, devices, Arrays.asList(stacks)));
        return this;
    }

    /** Resolves {@code covers}: a sole IOMMU without it covers every bus. */
    public PlatformModel build() {
        List<IommuModel> resolved = new ArrayList<>();
        for (IommuModel u : iommus) {
            resolved.add(iommus.size() == 1 && u.covers().isEmpty()
                    ? covering(u, buses.stream().map(BusModel::name).toArray(String[]::new))
                    : u);
        }
        return new PlatformModel("dev.irqtopo.test", name, "", cpu, resolved, Optional.ofNullable(hypervisor), buses,
                hostStacks, guests);
    }

    // ---- devices, storages and stacks

    /** A device before it is placed in a bus block. */
    public record DeviceSpec(String name, RequesterId requesterId, int pasid, Optional<String> parent, List<StorageModel> storages) {
        DeviceModel in(String bus) {
            return new DeviceModel(name, bus, requesterId, pasid, parent, storages);
        }
    }

    public static DeviceSpec device(String name, String requesterId, StorageModel... storages) {
        return new DeviceSpec(name, RequesterId.parse(requesterId), 0, Optional.empty(), List.of(storages));
    }

    /** {@code device NAME of PARENT pasid N}: shares the parent's requester id. */
    public static DeviceSpec subDevice(String name, DeviceSpec parent, int pasid, StorageModel... storages) {
        return new DeviceSpec(name, parent.requesterId(), pasid, Optional.of(parent.name()), List.of(storages));
    }

    public static StorageModel msi(int size) {
        return StorageModel.of(StorageKind.MSI, size);
    }

    public static StorageModel msix(int size) {
        return StorageModel.of(StorageKind.MSIX, size);
    }

    public static StorageModel imsDevice(int size) {
        return StorageModel.of(StorageKind.IMS_DEVICE, size);
    }

    public static StorageModel imsQueue(int size) {
        return StorageModel.of(StorageKind.IMS_QUEUE, size);
    }

    /** {@code stack DEV.BUS: vector -> BUS alloc N}. */
    public static StackModel stack(String device, StorageKind storage, int alloc) {
        return new StackModel(device, storage, Optional.empty(), false, alloc);
    }

    /** {@code stack DEV.BUS: vector -> remap IOMMU -> BUS alloc N}. */
    public static StackModel remapStack(String device, StorageKind storage, String iommu, int alloc) {
        return new StackModel(device, storage, Optional.of(iommu), false, alloc);
    }

    /** {@code stack DEV.BUS: vector -> hcall -> BUS alloc N}. */
    public static StackModel hcallStack(String device, StorageKind storage, int alloc) {
        return new StackModel(device, storage, Optional.empty(), true, alloc);
    }
}
