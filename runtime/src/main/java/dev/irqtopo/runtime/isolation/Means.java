package dev.irqtopo.runtime.isolation;

import dev.irqtopo.model.BusDomainKind;

/**
 * How a guest makes a device emit what it wants: a function by programming its DMA, a sub-device
 * only by writing into one of its storages that the hypervisor does not trap. Declared in report order.
 */
public enum Means {
    DMA("dma"),
    MSI("msi"),
    MSIX("msix"),
    IMS("ims");

    private final String keyword;

    Means(String keyword) {
        this.keyword = keyword;
    }

    /** {@code "dma"}, {@code "msi"}, {@code "msix"} or {@code "ims"}: the word the reports use. */
    public String keyword() {
        return keyword;
    }

    /** Writing into a storage of this bus domain. */
    public static Means of(BusDomainKind busDomain) {
        return switch (busDomain) {
            case MSI -> MSI;
            case MSIX -> MSIX;
            case IMS -> IMS;
        };
    }
}
