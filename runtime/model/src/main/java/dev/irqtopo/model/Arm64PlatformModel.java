package dev.irqtopo.model;

import dev.irqtopo.model.arm.Arm64GuestModel;
import dev.irqtopo.model.arm.Arm64HypervisorModel;
import dev.irqtopo.model.arm.ArmCpus;
import dev.irqtopo.model.arm.GicModel;
import dev.irqtopo.model.arm.GicStackModel;
import dev.irqtopo.model.arm.MsiMap;
import dev.irqtopo.model.arm.MsiMapLookup;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One arm64 platform of an {@code .irqtopo} file, checked and resolved: the bus side as on x86, and a
 * CPU side of CPUs by MPIDR, a GIC with its ITS units and GICv2m frames, each bus's msi-map, and the
 * buses an SMMU translates.
 *
 * @param msiMaps     each bus's msi-map by bus name; a bus without one presents requester ids unchanged to
 *                    the GIC's only MSI controller
 * @param smmuCovered the buses whose functions' DMA an SMMU translates
 * @param hostStacks  the host's stacks in declaration order
 * @param guests      in declaration order
 */
public record Arm64PlatformModel(
        String javaPackage,
        String name,
        String description,
        ArmCpus cpus,
        GicModel gic,
        Map<String, MsiMap> msiMaps,
        Set<String> smmuCovered,
        Optional<Arm64HypervisorModel> hypervisor,
        List<BusModel> buses,
        List<GicStackModel> hostStacks,
        List<Arm64GuestModel> guests,
        Optional<ExpectedVerdict> expect) implements PlatformDesign {

    public Arm64PlatformModel {
        Objects.requireNonNull(javaPackage);
        Objects.requireNonNull(name);
        Objects.requireNonNull(description);
        Objects.requireNonNull(cpus);
        Objects.requireNonNull(gic);
        msiMaps = Map.copyOf(msiMaps);
        smmuCovered = Set.copyOf(smmuCovered);
        Objects.requireNonNull(hypervisor);
        buses = List.copyOf(buses);
        hostStacks = List.copyOf(hostStacks);
        guests = List.copyOf(guests);
        Objects.requireNonNull(expect);
        if (!guests.isEmpty() && hypervisor.isEmpty()) {
            throw new IllegalArgumentException("platform " + name + " has guests and no hypervisor");
        }
        if (gic.its().isEmpty() && gic.v2m().isEmpty()) {
            throw new IllegalArgumentException("platform " + name + " has no MSI controller");
        }
    }

    @Override
    public Architecture architecture() {
        return Architecture.ARM64;
    }

    public Optional<Arm64GuestModel> guest(String name) {
        return guests.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** The guest a device is assigned to; empty when the host owns it. */
    public Optional<Arm64GuestModel> owner(String device) {
        return guests.stream().filter(g -> g.owns(device)).findFirst();
    }

    /**
     * The MSI controller and DeviceID a device's writes present: its bus's msi-map's answer for the
     * requester id the root complex sees (a bridge's for the functions behind it, a parent's for a
     * sub-device), or without an msi-map that requester id unchanged at the only controller.
     */
    public MsiMapLookup msiTarget(DeviceModel device) {
        int rid = device.iommuRequesterId().sourceId();
        MsiMap map = msiMaps.get(device.bus());
        if (map != null) {
            return map.lookup(rid);
        }
        if (gic.its().size() + gic.v2m().size() != 1) {
            return new MsiMapLookup.Untranslated(rid);
        }
        String only = gic.its().isEmpty() ? gic.v2m().get(0).name() : gic.its().get(0).name();
        return new MsiMapLookup.Mapped(only, rid, -1);
    }

    /** Whether an SMMU translates the DMA of the device's functions. */
    public boolean smmuCovers(DeviceModel device) {
        return smmuCovered.contains(device.bus());
    }
}
