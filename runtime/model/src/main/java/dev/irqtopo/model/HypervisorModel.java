package dev.irqtopo.model;

import java.util.Objects;
import java.util.Set;

/**
 * The hypervisor under the guests.
 *
 * @param cpuidVisible      whether a guest can detect that it is virtualized
 * @param traps             the storages whose stores the hypervisor intercepts and translates (never {@code ims queue})
 * @param composeHypercall  whether guests can ask it to allocate and compose
 * @param extDestId         whether it accepts 15-bit destination ids in compatibility-format messages
 */
public record HypervisorModel(
        HypervisorKind kind,
        boolean cpuidVisible,
        Set<StorageKind> traps,
        boolean composeHypercall,
        boolean extDestId) {

    public HypervisorModel {
        Objects.requireNonNull(kind);
        traps = Set.copyOf(traps);
        if (traps.contains(StorageKind.IMS_QUEUE)) {
            throw new IllegalArgumentException("ims queue is guest RAM and cannot be trapped");
        }
    }

    public boolean traps(StorageKind storage) {
        return traps.contains(storage);
    }

    /**
     * Whether a guest's raw store into {@code storage} reaches the device as written: every storage the
     * hypervisor does not trap (IMS in queue memory, guest RAM, never is).
     */
    public boolean guestWritesReachDevice(StorageKind storage) {
        return !traps(storage);
    }

    /** Whether a guest can use the compose hypercall: offered, and the guest can tell it is virtualized. */
    public boolean composeHypercallUsable() {
        return composeHypercall && cpuidVisible;
    }
}
