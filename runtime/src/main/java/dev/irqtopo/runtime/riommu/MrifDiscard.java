package dev.irqtopo.runtime.riommu;

import java.util.Locale;

/** Why a write to an MRIF-mode page recorded nothing (AIA, IOMMU chapter, "MSI PTE, MRIF mode"). */
public enum MrifDiscard {
    /** Not a naturally aligned 32-bit access: aborted as unsupported. */
    UNSUPPORTED_ACCESS,
    /** Address bits 11:3 not all zero: accepted and discarded. */
    OFFSET_NOT_SETEIPNUM,
    /** The identity (data in the address's byte order) has bits 31:11 set: above 2047, discarded. */
    IDENTITY_ABOVE_2047,
    /** Address bit 2 asks for big-endian data, which this IOMMU does not store: discarded. */
    BIG_ENDIAN_UNSUPPORTED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
