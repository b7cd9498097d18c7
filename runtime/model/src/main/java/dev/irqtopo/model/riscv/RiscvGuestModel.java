package dev.irqtopo.model.riscv;

import java.util.List;
import java.util.Objects;

/**
 * A virtual machine on a riscv64 host: its vCPUs, each backed by a guest interrupt file of the hart it
 * runs on, the devices passed through to it, and the stacks it builds, in declaration order.
 */
public record RiscvGuestModel(String name, int cpus, List<String> devices, List<ImsicStackModel> stacks) {

    public static final int MAX_CPUS = 4096;

    public RiscvGuestModel {
        Objects.requireNonNull(name);
        devices = List.copyOf(devices);
        stacks = List.copyOf(stacks);
        if (cpus < 1 || cpus > MAX_CPUS) {
            throw new IllegalArgumentException("guest " + name + " cpus " + cpus + " outside 1.." + MAX_CPUS);
        }
    }

    public boolean owns(String device) {
        return devices.contains(device);
    }
}
