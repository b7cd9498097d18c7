package dev.irqtopo.runtime.riommu;

import java.util.Locale;

/**
 * The faults the MSI translation reports, with their RISC-V IOMMU cause numbers (specification,
 * "Process to translate addresses of MSIs" and the fault-cause table; reference model
 * {@code msi_address_translation} and {@code iommu_device_context.c}).
 */
public enum MsiFault {
    /**
     * 259: the device context is misconfigured — here, MSI translation (MODE Flat) while
     * {@code iohgatp.MODE} is Bare, which the specification reserves and the reference model rejects.
     */
    DDT_ENTRY_MISCONFIGURED(259),
    /** 261: the PTE address {@code msiptp.PPN·4096 | I·16} is beyond the physical address space (or PMA/PMP). */
    MSI_PTE_LOAD_ACCESS_FAULT(261),
    /** 262: V = 0. */
    MSI_PTE_NOT_VALID(262),
    /**
     * 263: C = 1 (custom; the reference model implements none), M = 0 or 2, reserved bits set, or an
     * MRIF-mode PTE on an IOMMU without {@code MSI_MRIF}.
     */
    MSI_PTE_MISCONFIGURED(263);

    private final int cause;

    MsiFault(int cause) {
        this.cause = cause;
    }

    public int cause() {
        return cause;
    }

    /** {@code msi_pte_not_valid}, …: the word reports and JSON use. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
