package dev.irqtopo.model.riscv;

/**
 * What a RISC-V IOMMU's device context does with writes to interrupt-file pages, as the language's
 * {@code msi} property says: no MSI translation (msiptp.MODE Off), an MSI page table whose entries map
 * each guest file page to a real guest file (flat mode, basic-translate entries), or one whose entries
 * record interrupts in memory-resident interrupt files and send notice MSIs (flat mode, MRIF entries).
 */
public enum MsiTranslationMode {
    OFF("off"),
    FLAT("flat"),
    MRIF("mrif");

    private final String keyword;

    MsiTranslationMode(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
