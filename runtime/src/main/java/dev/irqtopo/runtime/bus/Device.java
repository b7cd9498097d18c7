package dev.irqtopo.runtime.bus;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.StorageModel;

import java.util.Objects;

/**
 * A PCI function or sub-device as the bus holds it: its model, the kernel that drives it, and its
 * message storages. It knows nothing of the CPU side: which remapping unit sees its writes is the
 * platform's wiring, not the device's.
 */
public final class Device {

    private final DeviceModel model;
    private final String owner;
    private final Storage[] storages = new Storage[BusDomainKind.values().length];

    /** {@code owner}: the kernel the device is assigned to, {@code "host"} when none. */
    public Device(DeviceModel model, String owner) {
        this.model = Objects.requireNonNull(model);
        this.owner = Objects.requireNonNull(owner);
        for (StorageModel storage : model.storages()) {
            storages[storage.kind().busDomain().ordinal()] = new Storage(model.name(), storage);
        }
    }

    public String name() {
        return model.name();
    }

    public DeviceModel model() {
        return model;
    }

    /** The kernel that drives the device: {@code "host"} or the guest it is assigned to. */
    public String owner() {
        return owner;
    }

    /** The requester id its writes carry: its own, or its parent's for a sub-device. */
    public RequesterId requesterId() {
        return model.requesterId();
    }

    /** The requester id the IOMMU sees on its writes: behind a bridge, the bridge's alias. */
    public RequesterId iommuRequesterId() {
        return model.iommuRequesterId();
    }

    /** The storage a bus domain of that kind stores into, or null. */
    public Storage storage(BusDomainKind busDomain) {
        return storages[busDomain.ordinal()];
    }
}
