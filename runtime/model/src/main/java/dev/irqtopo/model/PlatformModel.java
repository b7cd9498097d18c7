package dev.irqtopo.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One x86 platform of an {@code .irqtopo} file, checked and resolved.
 *
 * @param javaPackage the package of the generated code, {@code ""} when neither the file nor the build gives one
 * @param description the platform's description string, {@code ""} when absent
 * @param hostStacks  the host's stacks in declaration order
 * @param guests      in declaration order
 * @param expect      the verdict the platform's {@code expect} line asks for; without one it must be isolated
 * @param hostKernel  the kernel on the bare hardware
 * @param ioapic      the platform's I/O APIC, when the file declares one
 */
public record PlatformModel(
        String javaPackage,
        String name,
        String description,
        CpuModel cpu,
        List<IommuModel> iommus,
        Optional<HypervisorModel> hypervisor,
        List<BusModel> buses,
        List<StackModel> hostStacks,
        List<GuestModel> guests,
        Optional<ExpectedVerdict> expect,
        KernelProfile hostKernel,
        Optional<IoApicModel> ioapic) implements PlatformDesign {

    public PlatformModel {
        Objects.requireNonNull(hostKernel);
        Objects.requireNonNull(ioapic);
        Objects.requireNonNull(expect);
        Objects.requireNonNull(javaPackage);
        Objects.requireNonNull(name);
        Objects.requireNonNull(description);
        Objects.requireNonNull(cpu);
        Objects.requireNonNull(hypervisor);
        iommus = List.copyOf(iommus);
        buses = List.copyOf(buses);
        hostStacks = List.copyOf(hostStacks);
        guests = List.copyOf(guests);
        if (!guests.isEmpty() && hypervisor.isEmpty()) {
            throw new IllegalArgumentException("platform " + name + " has guests and no hypervisor");
        }
    }

    /** A platform without an I/O APIC. */
    public PlatformModel(String javaPackage, String name, String description, CpuModel cpu, List<IommuModel> iommus,
                         Optional<HypervisorModel> hypervisor, List<BusModel> buses, List<StackModel> hostStacks,
                         List<GuestModel> guests, Optional<ExpectedVerdict> expect, KernelProfile hostKernel) {
        this(javaPackage, name, description, cpu, iommus, hypervisor, buses, hostStacks, guests, expect, hostKernel,
                Optional.empty());
    }

    /** A platform whose host runs the design profile. */
    public PlatformModel(String javaPackage, String name, String description, CpuModel cpu, List<IommuModel> iommus,
                         Optional<HypervisorModel> hypervisor, List<BusModel> buses, List<StackModel> hostStacks,
                         List<GuestModel> guests, Optional<ExpectedVerdict> expect) {
        this(javaPackage, name, description, cpu, iommus, hypervisor, buses, hostStacks, guests, expect,
                KernelProfile.DESIGN);
    }

    /** A platform without an {@code expect} line. */
    public PlatformModel(String javaPackage, String name, String description, CpuModel cpu, List<IommuModel> iommus,
                         Optional<HypervisorModel> hypervisor, List<BusModel> buses, List<StackModel> hostStacks,
                         List<GuestModel> guests) {
        this(javaPackage, name, description, cpu, iommus, hypervisor, buses, hostStacks, guests, Optional.empty());
    }

    /** The same platform with every kernel, the host's and each guest's, running {@code kernel}. */
    public PlatformModel withKernel(KernelProfile kernel) {
        return new PlatformModel(javaPackage, name, description, cpu, iommus, hypervisor, buses, hostStacks,
                guests.stream().map(g -> new GuestModel(g.name(), g.cpus(), g.devices(), g.stacks(), kernel)).toList(),
                expect, kernel, ioapic);
    }

    /**
     * The unit that remaps the I/O APIC's writes: the first VT-d unit with remapping on, in declaration
     * order; empty without an I/O APIC or without such a unit.
     */
    public Optional<IommuModel> ioapicRemapper() {
        if (ioapic.isEmpty()) {
            return Optional.empty();
        }
        return iommus.stream().filter(i -> i.kind() == IommuKind.VTD && i.remapping()).findFirst();
    }

    /**
     * Whether the host's interrupt remapping runs in x2APIC mode: the CPUs are in x2APIC mode and a unit
     * with remapping on exists (VT-d's extended interrupt mode, AMD-Vi's x2APIC support).
     */
    public boolean x2apicRemapping() {
        return cpu.apic() == ApicMode.X2APIC && iommus.stream().anyMatch(IommuModel::remapping);
    }

    /** How the host kernel names CPUs in the messages and entries it programs. */
    public DestinationMode hostDestinationMode() {
        return hostKernel.hostDestinationMode(cpu.apic(), cpu.count(), x2apicRemapping());
    }

    @Override
    public Architecture architecture() {
        return Architecture.X86;
    }

    public Optional<GuestModel> guest(String name) {
        return guests.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    public Optional<IommuModel> iommu(String name) {
        return iommus.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** The guest a device is assigned to; empty when the host owns it. */
    public Optional<GuestModel> owner(String device) {
        return guests.stream().filter(g -> g.owns(device)).findFirst();
    }

    /** The IOMMU whose remapping unit a device's messages pass through, if any covers its bus. */
    public Optional<IommuModel> iommuCovering(DeviceModel device) {
        return iommus.stream().filter(i -> i.covers(device.bus())).findFirst();
    }
}
