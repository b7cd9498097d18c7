package dev.irqtopo.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A PCI function, or a sub-device (Scalable-IOV assignable interface) that shares its parent's
 * requester id and is told apart only by its PASID, which interrupt remapping ignores.
 *
 * @param bus         the bus block the device is declared in
 * @param requesterId its own, or for a sub-device its parent's
 * @param pasid       the sub-device's PASID, 0 for a function
 * @param parent      the parent's name for a sub-device
 * @param storages    in declaration order, at most one of each kind and one IMS storage
 */
public record DeviceModel(
        String name,
        String bus,
        RequesterId requesterId,
        int pasid,
        Optional<String> parent,
        List<StorageModel> storages) {

    public static final int MAX_PASID = 0xFFFFF;

    public DeviceModel {
        Objects.requireNonNull(name);
        Objects.requireNonNull(bus);
        Objects.requireNonNull(requesterId);
        Objects.requireNonNull(parent);
        storages = List.copyOf(storages);
        if (parent.isPresent() != (pasid != 0)) {
            throw new IllegalArgumentException("a sub-device has a parent and a PASID, a function neither");
        }
        if (pasid < 0 || pasid > MAX_PASID) {
            throw new IllegalArgumentException("PASID " + pasid + " outside 1..0xFFFFF");
        }
        if (storages.stream().map(StorageModel::kind).distinct().count() != storages.size()
                || storages.stream().filter(s -> s.kind().busDomain() == BusDomainKind.IMS).count() > 1) {
            throw new IllegalArgumentException("device " + name + " declares a storage twice");
        }
    }

    public boolean isSubDevice() {
        return parent.isPresent();
    }

    /** The storage a stack for this bus domain stores into, if the device has one. */
    public Optional<StorageModel> storage(BusDomainKind busDomain) {
        return storages.stream().filter(s -> s.kind().busDomain() == busDomain).findFirst();
    }

    public Optional<StorageModel> storage(StorageKind kind) {
        return storages.stream().filter(s -> s.kind() == kind).findFirst();
    }
}
