package dev.irqtopo.model;

import java.util.List;
import java.util.Objects;

/**
 * A virtual machine: its vCPUs (numbered 0..cpus-1, APIC ID equal to the number), the devices passed
 * through to it, and the stacks it builds, in declaration order.
 */
public record GuestModel(String name, int cpus, List<String> devices, List<StackModel> stacks) {

    public GuestModel {
        Objects.requireNonNull(name);
        devices = List.copyOf(devices);
        stacks = List.copyOf(stacks);
        if (cpus < 1 || cpus > CpuModel.MAX_CPUS) {
            throw new IllegalArgumentException("guest " + name + " cpus " + cpus + " outside 1.." + CpuModel.MAX_CPUS);
        }
    }

    public boolean owns(String device) {
        return devices.contains(device);
    }
}
