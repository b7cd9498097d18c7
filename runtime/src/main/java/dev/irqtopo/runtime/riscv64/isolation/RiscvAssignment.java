package dev.irqtopo.runtime.riscv64.isolation;

import dev.irqtopo.model.RequesterId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One device assigned to a guest, what it can make pending, and Linux's verdicts beside the exact one.
 *
 * @param iommu                the RISC-V IOMMU covering its bus, if any
 * @param msi                  its device context's MSI translation: {@code none}, {@code off}, {@code flat}, {@code mrif}
 * @param contextOwner         the kernel the device context (per requester id) was built for
 * @param reaches              every interrupt file and MRIF it can make something pending in, in target order;
 *                             a notice's identity alone, as {@code hart1.supervisor identity 2 (notice)}
 * @param linuxIsolatedMsi     Linux 6.12's {@code msi_device_has_isolated_msi}: false on every RISC-V device
 *                             (no RISC-V IOMMU driver; the IMSIC domain sets no {@code IRQ_DOMAIN_FLAG_ISOLATED_MSI};
 *                             {@code arch_is_isolated_msi} is false)
 * @param irqbypassIsolatedMsi what the unmerged irqbypass series for the RISC-V IOMMU would say: isolated MSI
 *                             exactly when the IOMMU's contexts use flat MSI page tables
 * @param isolated             the guest has no finding through it
 */
public record RiscvAssignment(String guest, String device, RequesterId requesterId, Optional<String> iommu, String msi,
                              String contextOwner, List<String> reaches, boolean linuxIsolatedMsi,
                              boolean irqbypassIsolatedMsi, boolean isolated) {

    public RiscvAssignment {
        Objects.requireNonNull(guest);
        Objects.requireNonNull(device);
        Objects.requireNonNull(requesterId);
        Objects.requireNonNull(iommu);
        Objects.requireNonNull(msi);
        Objects.requireNonNull(contextOwner);
        reaches = List.copyOf(reaches);
    }
}
