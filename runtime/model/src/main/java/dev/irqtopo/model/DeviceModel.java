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
 * @param bridge      the bridge the device sits behind (a sub-device: its parent's), if any
 */
public record DeviceModel(
        String name,
        String bus,
        RequesterId requesterId,
        int pasid,
        Optional<String> parent,
        List<StorageModel> storages,
        Optional<BridgeModel> bridge) {

    public static final int MAX_PASID = 0xFFFFF;

    public DeviceModel {
        Objects.requireNonNull(name);
        Objects.requireNonNull(bus);
        Objects.requireNonNull(requesterId);
        Objects.requireNonNull(parent);
        Objects.requireNonNull(bridge);
        storages = List.copyOf(storages);
        if (bridge.isPresent() && (bridge.get().secondaryBus() != requesterId.bus()
                || bridge.get().requesterId().segment() != requesterId.segment())) {
            throw new IllegalArgumentException("device " + name + " is not on the secondary bus of bridge " + bridge.get().name());
        }
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

    /** A device that sits behind no bridge. */
    public DeviceModel(String name, String bus, RequesterId requesterId, int pasid, Optional<String> parent,
                       List<StorageModel> storages) {
        this(name, bus, requesterId, pasid, parent, storages, Optional.empty());
    }

    /**
     * The requester id the IOMMU sees on the device's writes: the bridge's alias behind a bridge, else
     * {@link #requesterId()} (a sub-device's is its parent's).
     */
    public RequesterId iommuRequesterId() {
        return bridge.map(BridgeModel::alias).orElse(requesterId);
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
