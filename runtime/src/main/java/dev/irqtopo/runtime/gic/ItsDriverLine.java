package dev.irqtopo.runtime.gic;

import dev.irqtopo.model.KernelProfile;
import java.util.Optional;

/**
 * The Linux ITS driver versions whose rules this package follows, read in the 6.1 and 6.12 stable
 * sources. They differ in two sizing rules: how many vectors a PCI device's ITT is prepared for
 * ({@link PciMsiPrepare}) and how the ITS's EventID limit caps it ({@link ItsDeviceSize}).
 */
public enum ItsDriverLine {
    /** Linux 6.1: {@code its_pci_msi_prepare} in irq-gic-v3-its-pci-msi.c. */
    LINUX_6_1,
    /** Linux 6.12: {@code its_pci_msi_prepare} in irq-gic-v3-its-msi-parent.c, per-device MSI domains. */
    LINUX_6_12;

    /** The line of a kernel profile whose sources were read; empty for the others. */
    public static Optional<ItsDriverLine> of(KernelProfile profile) {
        switch (profile) {
            case LINUX_6_1:
                return Optional.of(LINUX_6_1);
            case LINUX_6_12:
                return Optional.of(LINUX_6_12);
            default:
                return Optional.empty();
        }
    }
}
