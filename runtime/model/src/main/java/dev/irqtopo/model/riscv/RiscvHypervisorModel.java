package dev.irqtopo.model.riscv;

import dev.irqtopo.model.StorageKind;
import java.util.Set;

/**
 * KVM on a riscv64 host: the storages whose guest stores the VMM intercepts and backs with host
 * interrupts of its own, as on the other architectures.
 */
public record RiscvHypervisorModel(Set<StorageKind> traps) {

    public RiscvHypervisorModel {
        traps = Set.copyOf(traps);
        if (traps.contains(StorageKind.IMS_QUEUE)) {
            throw new IllegalArgumentException("ims queue is guest RAM and cannot be trapped");
        }
    }

    public boolean traps(StorageKind storage) {
        return traps.contains(storage);
    }
}
