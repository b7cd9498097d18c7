package dev.irqtopo.runtime.isolation;

import dev.irqtopo.model.RequesterId;

import java.util.Objects;
import java.util.Optional;

/**
 * One device assigned to a guest, with Linux's verdict beside the exact one.
 *
 * @param requesterId      the requester id the IOMMU sees on the device's writes
 * @param remappingUnit    the IOMMU with interrupt remapping on that covers the device, whose remap
 *                         domain is what makes Linux report isolated MSI; empty when none does
 * @param linuxIsolatedMsi whether every device of the device's IOMMU group has isolated MSI, so that
 *                         VFIO or iommufd assign it without {@code allow_unsafe_interrupts}
 * @param vfioGroupViable  whether every device of the group is assigned to this same guest (bridges
 *                         themselves aside), as VFIO needs before it assigns any of them
 * @param isolated         whether the guest has no finding through this device
 */
public record Assignment(String guest, String device, RequesterId requesterId, Optional<String> remappingUnit,
                         boolean linuxIsolatedMsi, boolean vfioGroupViable, boolean isolated) {

    public Assignment {
        Objects.requireNonNull(guest);
        Objects.requireNonNull(device);
        Objects.requireNonNull(requesterId);
        Objects.requireNonNull(remappingUnit);
    }

    /** Whether Linux would let the guest have the device (isolated MSI and a whole group) though it is not isolated. */
    public boolean linuxWronglyAssigns() {
        return linuxIsolatedMsi && vfioGroupViable && !isolated;
    }

    /** Whether Linux refuses the device for want of isolated MSI though it is isolated. */
    public boolean linuxWronglyRefuses() {
        return !linuxIsolatedMsi && isolated;
    }
}
