package dev.irqtopo.model.arm;

import dev.irqtopo.model.StorageKind;
import java.util.Set;

/**
 * KVM on an arm64 host: the storages whose guest stores the VMM intercepts (it backs each vector the
 * guest enables with an interrupt of the host's and injects it through the guest's virtual ITS), and
 * whether a GICv4 ITS injects assigned functions' interrupts directly as vLPIs.
 */
public record Arm64HypervisorModel(Set<StorageKind> traps, boolean vlpi) {

    public Arm64HypervisorModel {
        traps = Set.copyOf(traps);
        if (traps.contains(StorageKind.IMS_QUEUE)) {
            throw new IllegalArgumentException("ims queue is guest RAM and cannot be trapped");
        }
    }

    public boolean traps(StorageKind storage) {
        return traps.contains(storage);
    }
}
