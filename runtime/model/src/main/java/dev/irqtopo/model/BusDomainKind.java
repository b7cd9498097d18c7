package dev.irqtopo.model;

/** The bus domains a stack can end in: the word after the dot in {@code stack dev.msix: ...}. */
public enum BusDomainKind {
    MSI("msi"),
    MSIX("msix"),
    IMS("ims");

    private final String keyword;

    BusDomainKind(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
