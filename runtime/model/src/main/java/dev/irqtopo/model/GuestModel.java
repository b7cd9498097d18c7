package dev.irqtopo.model;

import java.util.List;
import java.util.Objects;

/**
 * A virtual machine: its vCPUs (numbered 0..cpus-1, APIC ID equal to the number), the devices passed
 * through to it, the stacks it builds, in declaration order, and the kernel it runs.
 */
public record GuestModel(String name, int cpus, List<String> devices, List<StackModel> stacks, KernelProfile kernel) {

    public GuestModel {
        Objects.requireNonNull(name);
        Objects.requireNonNull(kernel);
        devices = List.copyOf(devices);
        stacks = List.copyOf(stacks);
        if (cpus < 1 || cpus > CpuModel.MAX_CPUS) {
            throw new IllegalArgumentException("guest " + name + " cpus " + cpus + " outside 1.." + CpuModel.MAX_CPUS);
        }
    }

    /** A guest running the design profile. */
    public GuestModel(String name, int cpus, List<String> devices, List<StackModel> stacks) {
        this(name, cpus, devices, stacks, KernelProfile.DESIGN);
    }

    public boolean owns(String device) {
        return devices.contains(device);
    }
}
