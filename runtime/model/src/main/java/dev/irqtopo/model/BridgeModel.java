package dev.irqtopo.model;

import java.util.Objects;

/**
 * A PCIe-to-PCI bridge. The devices behind it sit on its secondary bus, and the IOMMU sees every one
 * of them with the bridge's alias requester id (secondary bus, device 0, function 0).
 *
 * @param requesterId  the bridge's own requester id, on its primary bus
 * @param secondaryBus the bus number of the devices behind it
 */
public record BridgeModel(String name, RequesterId requesterId, int secondaryBus) {

    public BridgeModel {
        Objects.requireNonNull(name);
        Objects.requireNonNull(requesterId);
        if (secondaryBus < 0 || secondaryBus > 0xFF) {
            throw new IllegalArgumentException("bridge " + name + " secondary bus 0x" + Integer.toHexString(secondaryBus));
        }
        if (secondaryBus == requesterId.bus()) {
            throw new IllegalArgumentException("bridge " + name + " has its secondary bus on its own bus");
        }
    }

    /** What the IOMMU sees for every device behind the bridge: the secondary bus, device 0, function 0. */
    public RequesterId alias() {
        return RequesterId.of(requesterId.segment(), secondaryBus, 0, 0);
    }
}
