package dev.irqtopo.runtime.diff;

/** The kinds of declaration a platform has, in the order the differences list them. */
public enum Part {
    /** The platform's own lines: {@code expect}. */
    PLATFORM("platform"),
    CPU("cpu"),
    /** A riscv64 platform's IMSICs: each hart's guest files, the identities of its files, where their pages are. */
    IMSIC("imsic"),
    IOMMU("iommu"),
    /** An arm64 platform's GIC: its version. */
    GIC("gic"),
    /** An ITS of the GIC. */
    ITS("its"),
    /** A GICv2m frame of the GIC. */
    V2M("v2m"),
    /** The buses an SMMU translates. */
    SMMU("smmu"),
    HYPERVISOR("hypervisor"),
    IOAPIC("ioapic"),
    /** A bus's {@code msi_map} lines and {@code msi_map_mask}. */
    MSI_MAP("msi_map"),
    DEVICE("device"),
    /** The host block: its kernel. */
    HOST("host"),
    /** A guest block: its vCPUs, assignments and kernel. */
    GUEST("guest"),
    /**
     * A RISC-V IOMMU's device context, by the IOMMU and the device_id it indexes its device directory
     * with: not declared but built from the declarations (whose functions, whose guest, what MSI
     * translation), as {@code tables} reads it after boot.
     */
    DEVICE_CONTEXT("device_context");

    private final String keyword;

    Part(String keyword) {
        this.keyword = keyword;
    }

    /** The language's word for the part: {@code iommu}, {@code device}. */
    public String keyword() {
        return keyword;
    }
}
