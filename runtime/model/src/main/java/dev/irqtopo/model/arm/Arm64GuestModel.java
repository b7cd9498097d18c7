package dev.irqtopo.model.arm;

import java.util.List;
import java.util.Objects;

/**
 * A virtual machine on an arm64 host: its vCPUs (vPEs of its virtual GIC), the devices passed through to
 * it, and the stacks it builds through its virtual ITS, in declaration order.
 */
public record Arm64GuestModel(String name, int cpus, List<String> devices, List<GicStackModel> stacks) {

    public Arm64GuestModel {
        Objects.requireNonNull(name);
        devices = List.copyOf(devices);
        stacks = List.copyOf(stacks);
        if (cpus < 1 || cpus > ArmCpus.MAX_CPUS) {
            throw new IllegalArgumentException("guest " + name + " cpus " + cpus + " outside 1.." + ArmCpus.MAX_CPUS);
        }
        if (stacks.stream().anyMatch(s -> s.controller().isPresent())) {
            throw new IllegalArgumentException("guest " + name + " names a controller of the platform in a chain");
        }
    }

    public boolean owns(String device) {
        return devices.contains(device);
    }
}
