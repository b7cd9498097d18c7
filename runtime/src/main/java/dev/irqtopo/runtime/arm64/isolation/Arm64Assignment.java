package dev.irqtopo.runtime.arm64.isolation;

import dev.irqtopo.model.RequesterId;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One device assigned to a guest, with Linux's verdict beside the exact one.
 *
 * @param controller       the MSI controller its writes are meant for (its msi-map row, or the only one)
 * @param deviceId         the DeviceID it presents there; empty for a GICv2m frame
 * @param smmu             an SMMU translates its DMA
 * @param linuxIsolatedMsi {@code msi_device_has_isolated_msi}: the controller's MSI domain has
 *                         {@code IRQ_DOMAIN_FLAG_ISOLATED_MSI} (an ITS yes, a GICv2m frame no)
 * @param vfioGroupViable  an SMMU gives it an IOMMU group and every function of that group (same
 *                         requester id the SMMU sees) is assigned to this guest
 * @param isolated         the guest has no finding through it
 */
public record Arm64Assignment(String guest, String device, RequesterId requesterId, Optional<String> controller,
                              OptionalLong deviceId, boolean smmu, boolean linuxIsolatedMsi, boolean vfioGroupViable,
                              boolean isolated) {

    public Arm64Assignment {
        Objects.requireNonNull(guest);
        Objects.requireNonNull(device);
        Objects.requireNonNull(requesterId);
        Objects.requireNonNull(controller);
        Objects.requireNonNull(deviceId);
    }

    /** Linux would let the guest have it (isolated MSI, a whole group) though it is not isolated. */
    public boolean linuxWronglyAssigns() {
        return linuxIsolatedMsi && vfioGroupViable && !isolated;
    }

    /** Linux refuses it for want of isolated MSI though it is isolated. */
    public boolean linuxWronglyRefuses() {
        return !linuxIsolatedMsi && isolated;
    }
}
