package dev.irqtopo.runtime.isolation;

import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.GuestModel;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RequesterId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Linux's view of a device for VFIO: its IOMMU group and whether the group has isolated MSI. A group
 * here is every device the IOMMU sees with one requester id: a parent and its sub-devices, everything
 * behind one bridge. (Linux's groups may be larger: they hold the bridge itself and merge devices
 * without ACS; irqtopo assumes ACS everywhere, so this is a lower bound.) A device has isolated MSI
 * when an interrupt-remapping domain is on its MSI path, that is, when a unit with remapping on
 * covers its bus: Intel's and AMD's remapping domains always claim it, whatever they check.
 */
final class IommuGroups {

    private final Map<RequesterId, List<DeviceModel>> byRequesterId = new HashMap<>();
    private final Map<String, IommuModel> remappingOfBus = new HashMap<>();
    private final Map<String, String> owner = new HashMap<>();

    IommuGroups(PlatformModel model) {
        for (DeviceModel device : model.devices()) {
            byRequesterId.computeIfAbsent(device.iommuRequesterId(), rid -> new ArrayList<>()).add(device);
        }
        for (IommuModel iommu : model.iommus()) {
            for (String bus : iommu.covers()) {
                // the first unit covering the bus is the one its messages pass through
                if (!remappingOfBus.containsKey(bus)) {
                    remappingOfBus.put(bus, iommu.remapping() ? iommu : null);
                }
            }
        }
        for (GuestModel guest : model.guests()) {
            guest.devices().forEach(device -> owner.putIfAbsent(device, guest.name()));
        }
    }

    /** The unit with remapping on that covers the device, whose remap domain gives it isolated MSI. */
    Optional<IommuModel> remappingUnit(DeviceModel device) {
        return Optional.ofNullable(remappingOfBus.get(device.bus()));
    }

    /** Linux's {@code iommu_group_has_isolated_msi}: every device of the group has a remapping domain. */
    boolean hasIsolatedMsi(DeviceModel device) {
        for (DeviceModel member : group(device)) {
            if (remappingUnit(member).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Whether every device of the group belongs to {@code guest}, as VFIO needs before it assigns one. */
    boolean wholeIn(DeviceModel device, String guest) {
        for (DeviceModel member : group(device)) {
            if (!guest.equals(owner.get(member.name()))) {
                return false;
            }
        }
        return true;
    }

    private List<DeviceModel> group(DeviceModel device) {
        return byRequesterId.get(device.iommuRequesterId());
    }
}
