package dev.irqtopo.runtime.riscv64.isolation;

/** Why a guest's write reached another owner's interrupt file, identity or MRIF on a riscv64 platform. */
public enum RiscvFindingClass {
    /**
     * The device's writes are not MSI-translated ({@code msi off}, or no IOMMU covers its bus): a write
     * goes to the physical page it names, so every identity of every interrupt file — the host's
     * machine- and supervisor-level files included — is one write away.
     */
    NO_MSI_TRANSLATION("no-msi-translation"),
    /**
     * An MSI page-table entry (or a page the second stage passes through) reaches an interrupt file or an
     * MRIF another owner uses: within a file every identity passes, so the whole file is reached. Device
     * contexts are per requester id, so a function sharing one with another owner's gets that owner's
     * table.
     */
    FILE_SHARED("file-shared"),
    /** An MRIF entry's notice MSI is aimed at an identity another owner takes. */
    MRIF_NOTICE("mrif-notice");

    private final String keyword;

    RiscvFindingClass(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
