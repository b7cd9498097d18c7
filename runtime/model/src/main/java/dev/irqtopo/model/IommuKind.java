package dev.irqtopo.model;

/** The IOMMUs the language knows: x86's two interrupt-remapping designs and the RISC-V IOMMU. */
public enum IommuKind {
    /** Intel VT-d: one remapping table for the whole unit, entries bound to requester ids by source validation. */
    VTD("vtd"),
    /** AMD-Vi: one remapping table per requester id. */
    AMDVI("amdvi"),
    /** The RISC-V IOMMU (riscv64): no remapping table; per device context, MSI page tables map interrupt-file pages. */
    RISCV("riscv");

    private final String keyword;

    IommuKind(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
