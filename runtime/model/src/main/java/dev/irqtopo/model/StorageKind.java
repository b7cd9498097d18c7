package dev.irqtopo.model;

/** Where a device keeps the address/data messages it emits. */
public enum StorageKind {
    /** The MSI capability: one address/data pair for a block of 1..32 messages. */
    MSI("msi", BusDomainKind.MSI),
    /** The MSI-X table: one entry per interrupt, each with a mask bit. */
    MSIX("msix", BusDomainKind.MSIX),
    /** IMS slots in device memory: a hypervisor can trap stores to them. */
    IMS_DEVICE("ims device", BusDomainKind.IMS),
    /** IMS slots in queue memory, i.e. system RAM of the owning kernel: no store to them can be trapped. */
    IMS_QUEUE("ims queue", BusDomainKind.IMS);

    private final String keyword;
    private final BusDomainKind busDomain;

    StorageKind(String keyword, BusDomainKind busDomain) {
        this.keyword = keyword;
        this.busDomain = busDomain;
    }

    /** The words the language uses for this storage ({@code "ims queue"}). */
    public String keyword() {
        return keyword;
    }

    /** Whether this is IMS storage, in device or in queue memory. */
    public boolean isIms() {
        return busDomain == BusDomainKind.IMS;
    }

    /** The bus domain that stores into this kind of storage. */
    public BusDomainKind busDomain() {
        return busDomain;
    }
}
