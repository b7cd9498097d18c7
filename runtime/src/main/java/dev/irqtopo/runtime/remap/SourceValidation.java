package dev.irqtopo.runtime.remap;

import dev.irqtopo.model.SourceCheck;

/** The SVT field of a VT-d remap entry: how the entry's SID is compared with a request's requester id. */
public enum SourceValidation {
    /** SVT 00: no validation, any requester may use the entry. */
    NONE(0b00),
    /** SVT 01: the SID is a requester id, compared in full (SQ 00). */
    REQUESTER_ID(0b01),
    /** SVT 10: the SID holds a start bus (15:8) and end bus (7:0). */
    BUS_RANGE(0b10);

    private final int svt;

    SourceValidation(int svt) {
        this.svt = svt;
    }

    /** The 2-bit SVT field value. */
    public int svt() {
        return svt;
    }

    /** How an IOMMU's {@code source_check} setting programs the field. */
    public static SourceValidation of(SourceCheck check) {
        return switch (check) {
            case FULL -> REQUESTER_ID;
            case BUS -> BUS_RANGE;
            case OFF -> NONE;
        };
    }

    /** {@code "SVT 01"}. */
    public String label() {
        return "SVT " + (svt >> 1) + (svt & 1);
    }
}
