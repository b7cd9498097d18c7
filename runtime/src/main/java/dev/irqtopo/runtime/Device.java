package dev.irqtopo.runtime;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.StorageModel;
import dev.irqtopo.runtime.remap.RemapDomain;

/**
 * A PCI function or sub-device on the platform: the kernel that owns it, the remap domain its
 * messages pass through (null without remapping), and its storages by bus domain.
 */
final class Device {

    final DeviceModel model;
    final Kernel owner;
    /** The remap domain of the IOMMU covering the device's bus when remapping is on, else null. */
    final RemapDomain remap;
    private final DeviceStorage[] storages = new DeviceStorage[BusDomainKind.values().length];

    Device(Platform platform, DeviceModel model, Kernel owner, RemapDomain remap) {
        this.model = model;
        this.owner = owner;
        this.remap = remap;
        for (StorageModel storage : model.storages()) {
            storages[storage.kind().busDomain().ordinal()] = new DeviceStorage(platform, this, storage);
        }
    }

    String name() {
        return model.name();
    }

    /** The requester id its writes carry: its own, or its parent's for a sub-device. */
    RequesterId requesterId() {
        return model.requesterId();
    }

    /** The requester id the IOMMU sees on its writes: behind a bridge, the bridge's alias. */
    RequesterId iommuRequesterId() {
        return model.iommuRequesterId();
    }

    /** Whether it sits behind a bridge, whose alias its remap entries must accept. */
    boolean behindBridge() {
        return model.bridge().isPresent();
    }

    /** The storage a bus domain of that kind stores into, or null. */
    DeviceStorage storage(BusDomainKind busDomain) {
        return storages[busDomain.ordinal()];
    }
}
