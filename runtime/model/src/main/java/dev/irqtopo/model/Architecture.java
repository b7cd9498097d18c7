package dev.irqtopo.model;

/**
 * The CPU side of a platform: what receives a device's message. The bus side (functions, storages,
 * bridges, stacks' bus domains) is the same for both.
 */
public enum Architecture {
    /** Local APICs, reached through the 0xFEE interrupt range, optionally behind VT-d or AMD-Vi remapping. */
    X86("x86"),
    /** A GICv3/v4, reached through the doorbells of its ITS units or GICv2m frames. */
    ARM64("arm64"),
    /** Harts with IMSIC interrupt files, reached by writes to their pages, optionally behind a RISC-V IOMMU. */
    RISCV64("riscv64");

    private final String keyword;

    Architecture(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
