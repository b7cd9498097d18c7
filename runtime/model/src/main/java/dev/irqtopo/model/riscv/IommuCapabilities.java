package dev.irqtopo.model.riscv;

import java.util.Objects;

/**
 * What a RISC-V IOMMU's {@code capabilities} register says about MSI translation.
 *
 * @param physicalAddressBits {@code PAS}: an MSI PTE address at or above 2^PAS is an access fault
 * @param widest              the widest Sv*x4 mode, which sets MGPAW
 * @param msiFlat             {@code MSI_FLAT}: device contexts have the extended format with
 *                            {@code msiptp}; without it no MSI page is ever recognised
 * @param msiMrif             {@code MSI_MRIF}: MRIF-mode PTEs are understood; without it they are
 *                            misconfigured (cause 263)
 * @param bigEndianMsi        whether MSIs written big-endian (address bit 2 set) are stored to MRIFs;
 *                            the AIA asks for it exactly when the IMSICs implement {@code seteipnum_be}
 */
public record IommuCapabilities(int physicalAddressBits, GuestAddressWidth widest, boolean msiFlat, boolean msiMrif,
        boolean bigEndianMsi) {

    public IommuCapabilities {
        Objects.requireNonNull(widest);
        if (physicalAddressBits < 12 || physicalAddressBits > ImsicPlacement.PHYSICAL_ADDRESS_BITS) {
            throw new IllegalArgumentException("PAS " + physicalAddressBits + " outside 12.." + ImsicPlacement.PHYSICAL_ADDRESS_BITS);
        }
    }

    /** A 56-bit IOMMU with Sv57x4, flat MSI tables and MRIFs, little-endian MSIs only. */
    public static IommuCapabilities full() {
        return new IommuCapabilities(ImsicPlacement.PHYSICAL_ADDRESS_BITS, GuestAddressWidth.SV57X4, true, true, false);
    }

    public int mgpaw() {
        return widest.mgpaw(physicalAddressBits);
    }
}
