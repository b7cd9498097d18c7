package dev.irqtopo.runtime.diff;

/** The kinds of declaration a platform has, in the order the differences list them. */
public enum Part {
    /** The platform's own lines: {@code expect}. */
    PLATFORM("platform"),
    CPU("cpu"),
    IOMMU("iommu"),
    HYPERVISOR("hypervisor"),
    IOAPIC("ioapic"),
    DEVICE("device"),
    /** The host block: its kernel. */
    HOST("host"),
    /** A guest block: its vCPUs, assignments and kernel. */
    GUEST("guest");

    private final String keyword;

    Part(String keyword) {
        this.keyword = keyword;
    }

    /** The language's word for the part: {@code iommu}, {@code device}. */
    public String keyword() {
        return keyword;
    }
}
