package dev.irqtopo.runtime.delivery;

import dev.irqtopo.runtime.bus.Device;
import dev.irqtopo.runtime.remap.RemapDomain;

import java.util.Objects;

/**
 * A device as the interrupt path meets its writes: the device (whose requester id, as the IOMMU sees
 * it, goes with every write) and the remap domain of the first unit covering its bus, null when that
 * unit's remapping is off or no unit covers it.
 */
public record Source(Device device, RemapDomain remap) {

    public Source {
        Objects.requireNonNull(device);
    }

    /** Whether its compatibility-format messages reach the CPUs: no remapping, or VT-d letting them pass. */
    public boolean passesCompatibility() {
        return remap == null || remap.passesCompatibility();
    }
}
