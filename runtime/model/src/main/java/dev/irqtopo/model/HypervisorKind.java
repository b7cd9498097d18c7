package dev.irqtopo.model;

/** The hypervisor's name; descriptive only in language version 1, behaviour follows its properties. */
public enum HypervisorKind {
    KVM("kvm"),
    HYPERV("hyperv"),
    XEN("xen");

    private final String keyword;

    HypervisorKind(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
