package dev.irqtopo.model;

import dev.irqtopo.model.riscv.GuestFilePlacement;
import dev.irqtopo.model.riscv.ImsicGeometry;
import dev.irqtopo.model.riscv.ImsicStackModel;
import dev.irqtopo.model.riscv.RiscvGuestModel;
import dev.irqtopo.model.riscv.RiscvHypervisorModel;
import dev.irqtopo.model.riscv.RiscvIommuModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One riscv64 platform of an {@code .irqtopo} file, checked and resolved: the bus side as on the other
 * architectures, and a CPU side of harts with IMSIC interrupt files, RISC-V IOMMUs with their device
 * contexts' MSI translation, and guests whose vCPUs are backed by guest interrupt files.
 *
 * @param hostStacks the host's stacks in declaration order
 * @param guests     in declaration order
 */
public record RiscvPlatformModel(
        String javaPackage,
        String name,
        String description,
        ImsicGeometry imsic,
        List<RiscvIommuModel> iommus,
        Optional<RiscvHypervisorModel> hypervisor,
        List<BusModel> buses,
        List<ImsicStackModel> hostStacks,
        List<RiscvGuestModel> guests,
        Optional<ExpectedVerdict> expect) implements PlatformDesign {

    public RiscvPlatformModel {
        Objects.requireNonNull(javaPackage);
        Objects.requireNonNull(name);
        Objects.requireNonNull(description);
        Objects.requireNonNull(imsic);
        iommus = List.copyOf(iommus);
        Objects.requireNonNull(hypervisor);
        buses = List.copyOf(buses);
        hostStacks = List.copyOf(hostStacks);
        guests = List.copyOf(guests);
        Objects.requireNonNull(expect);
        if (!guests.isEmpty() && hypervisor.isEmpty()) {
            throw new IllegalArgumentException("platform " + name + " has guests and no hypervisor");
        }
        if (placement(imsic, guests).shortage().isPresent()) {
            throw new IllegalArgumentException("platform " + name + ": a vCPU finds no guest interrupt file: "
                    + placement(imsic, guests).shortage().get());
        }
    }

    @Override
    public Architecture architecture() {
        return Architecture.RISCV64;
    }

    /** Which guest file backs each vCPU of each guest. */
    public GuestFilePlacement guestFiles() {
        return placement(imsic, guests).placement().orElseThrow();
    }

    /** The placement of the guests' vCPUs on the harts' guest files, or the vCPU that finds none. */
    public static GuestFilePlacement.Result placement(ImsicGeometry imsic, List<RiscvGuestModel> guests) {
        Map<String, Integer> vcpus = new LinkedHashMap<>();
        guests.forEach(g -> vcpus.put(g.name(), g.cpus()));
        return GuestFilePlacement.of(imsic.harts().count(), imsic.guestFiles(), vcpus);
    }

    public Optional<RiscvGuestModel> guest(String name) {
        return guests.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** The guest a device is assigned to; empty when the host owns it. */
    public Optional<RiscvGuestModel> owner(String device) {
        return guests.stream().filter(g -> g.owns(device)).findFirst();
    }

    /** The IOMMU covering the device's bus, if any. */
    public Optional<RiscvIommuModel> iommuCovering(DeviceModel device) {
        return iommus.stream().filter(i -> i.covers(device.bus())).findFirst();
    }
}
