package dev.irqtopo.importer.acpi.ivrs;

import java.util.List;

/**
 * An I/O Virtualization Hardware Definition block (48882, 5.2.2.1): one IOMMU, as type 10h, 11h or 40h
 * (the later types add the EFR register image; a table usually describes each IOMMU once per type).
 *
 * @param deviceId the IOMMU's own PCI device id
 * @param efr      the Extended Feature Register image (types 11h and 40h), 0 for type 10h
 */
public record Ivhd(int offset, int type, int flags, int deviceId, long baseAddress, int segment, long efr,
        List<DeviceEntry> entries) implements IvrsBlock {

    /** EFR bit 2, XTSup: the IOMMU takes x2APIC destinations, so the OS may use x2APIC mode. */
    public static final long EFR_XT_SUP = 1L << 2;

    public Ivhd {
        entries = List.copyOf(entries);
    }

    public boolean x2apicSupported() {
        return (efr & EFR_XT_SUP) != 0;
    }

    public String typeName() {
        return String.format("IVHD type %02xh", type);
    }
}
