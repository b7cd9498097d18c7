package dev.irqtopo.importer.acpi.dmar;

import java.util.List;

/** A Reserved Memory Region Reporting structure (RMRR, VT-d 3.4, 8.4): DMA, not interrupts; read and noted. */
public record ReservedMemoryRegion(int offset, int segment, long base, long limit, List<DeviceScope> scopes)
        implements DmarStructure {

    public ReservedMemoryRegion {
        scopes = List.copyOf(scopes);
    }
}
