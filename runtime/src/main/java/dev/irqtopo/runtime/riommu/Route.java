package dev.irqtopo.runtime.riommu;

import java.util.Locale;

/** How a device's write reached what it reached. */
public enum Route {
    /** Not an MSI page: through the second stage to the same physical address. */
    PASS_THROUGH,
    /** An MSI page in basic translate mode: to the PTE's physical page. */
    TRANSLATED,
    /** An MSI page in MRIF mode: the identity's pending bit in the MRIF. */
    MRIF,
    /** The notice MSI the IOMMU sends after recording in an MRIF. */
    NOTICE;

    /** {@code pass_through}, …: the word reports and JSON use. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
