package dev.irqtopo.model.riscv;

import java.util.Locale;

/**
 * The device context's {@code msiptp.MODE} (RISC-V IOMMU specification, "MSI page table pointer"):
 * {@code Off} (0) recognises no MSI pages, {@code Flat} (1) uses a flat MSI page table. MRIF is not a
 * mode of the pointer but of an individual PTE ({@link MsiPte.Mrif}).
 */
public enum MsiPtMode {
    OFF(0),
    FLAT(1);

    private final int encoding;

    MsiPtMode(int encoding) {
        this.encoding = encoding;
    }

    public int encoding() {
        return encoding;
    }

    /** {@code off}, {@code flat}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
