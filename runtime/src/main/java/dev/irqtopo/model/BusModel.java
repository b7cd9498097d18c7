package dev.irqtopo.model;

import java.util.List;
import java.util.Objects;

/** A PCI bus tree and the devices declared in it, in declaration order. */
public record BusModel(String name, List<DeviceModel> devices) {

    public BusModel {
        Objects.requireNonNull(name);
        devices = List.copyOf(devices);
    }
}
