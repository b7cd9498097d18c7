package dev.irqtopo.model;

/** How wide a destination APIC ID a CPU's interrupt controller accepts. */
public enum ApicMode {
    /** 8-bit destinations (APIC IDs 0..254; 255 is broadcast). */
    XAPIC("xapic"),
    /** 32-bit destinations. */
    X2APIC("x2apic");

    private final String keyword;

    ApicMode(String keyword) {
        this.keyword = keyword;
    }

    /** The word the language uses for this mode. */
    public String keyword() {
        return keyword;
    }
}
