package dev.irqtopo.importer.acpi.dmar;

/** The device scope entry types of VT-d 3.4, 8.3.1. */
public enum ScopeType {
    PCI_ENDPOINT(1, "PCI endpoint"),
    PCI_SUB_HIERARCHY(2, "PCI sub-hierarchy"),
    IOAPIC(3, "IOAPIC"),
    HPET(4, "MSI-capable HPET"),
    ACPI_NAMESPACE_DEVICE(5, "ACPI namespace device");

    private final int code;
    private final String title;

    ScopeType(int code, String title) {
        this.code = code;
        this.title = title;
    }

    public int code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** The type with this code, or null for a code VT-d does not define. */
    public static ScopeType of(int code) {
        for (ScopeType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }
}
