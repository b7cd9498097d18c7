package dev.irqtopo.model.riscv;

/**
 * The widest second-stage translation mode an IOMMU reports in {@code capabilities}, which fixes MGPAW,
 * the guest-physical address width the MSI address mask and pattern cover (RISC-V IOMMU
 * specification, "MSI address mask and pattern"; reference model {@code msi_address_translation}).
 */
public enum GuestAddressWidth {
    /** No Sv*x4 mode: MGPAW = {@code capabilities.PAS}. */
    PHYSICAL(0),
    SV32X4(34),
    SV39X4(41),
    SV48X4(50),
    SV57X4(59);

    private final int bits;

    GuestAddressWidth(int bits) {
        this.bits = bits;
    }

    /** MGPAW for an IOMMU with {@code physicalAddressBits} of PAS (the reference model takes at least 12). */
    public int mgpaw(int physicalAddressBits) {
        return this == PHYSICAL ? Math.max(physicalAddressBits, 12) : bits;
    }
}
