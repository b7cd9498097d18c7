package dev.irqtopo.model;

/** The two interrupt-remapping designs the language knows. */
public enum IommuKind {
    /** Intel VT-d: one remapping table for the whole unit, entries bound to requester ids by source validation. */
    VTD("vtd"),
    /** AMD-Vi: one remapping table per requester id. */
    AMDVI("amdvi");

    private final String keyword;

    IommuKind(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
