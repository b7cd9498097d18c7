package dev.irqtopo.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A domain hierarchy one kernel builds for one storage of one device, root first:
 * {@code vector}, then {@code remap IOMMU} (host) or {@code hcall} (guest) or neither, then the bus domain.
 *
 * @param storage   the device's storage the bus domain stores into (resolves {@code ims} to device or queue)
 * @param remap     the IOMMU of a {@code remap} link
 * @param hypercall whether the chain has an {@code hcall} link
 * @param alloc     how many interrupts the driver allocates at probe time
 */
public record StackModel(String device, StorageKind storage, Optional<String> remap, boolean hypercall, int alloc) {

    public StackModel {
        Objects.requireNonNull(device);
        Objects.requireNonNull(storage);
        Objects.requireNonNull(remap);
        if (remap.isPresent() && hypercall) {
            throw new IllegalArgumentException("a chain has a remap or an hcall link, not both");
        }
        if (alloc < 1) {
            throw new IllegalArgumentException("alloc " + alloc + " below 1");
        }
    }

    public BusDomainKind busDomain() {
        return storage.busDomain();
    }

    /** The chain's elements as the language writes them: {@code ["vector", "remap dmar0", "msix"]}. */
    public List<String> chain() {
        List<String> chain = new ArrayList<>(3);
        chain.add("vector");
        remap.ifPresent(iommu -> chain.add("remap " + iommu));
        if (hypercall) {
            chain.add("hcall");
        }
        chain.add(busDomain().keyword());
        return List.copyOf(chain);
    }
}
