package dev.irqtopo.model;

import java.util.List;
import java.util.Objects;

/**
 * A PCI bus tree: the devices declared in it, in declaration order (those inside a {@code bridge}
 * block where the block stands), and its bridges in declaration order.
 */
public record BusModel(String name, List<DeviceModel> devices, List<BridgeModel> bridges) {

    public BusModel {
        Objects.requireNonNull(name);
        devices = List.copyOf(devices);
        bridges = List.copyOf(bridges);
        for (DeviceModel device : devices) {
            if (device.bridge().isPresent() && !bridges.contains(device.bridge().get())) {
                throw new IllegalArgumentException("device " + device.name() + " sits behind a bridge of another bus");
            }
        }
    }

    /** A bus without bridges. */
    public BusModel(String name, List<DeviceModel> devices) {
        this(name, devices, List.of());
    }
}
