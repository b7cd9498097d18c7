package dev.irqtopo.importer.acpi.dmar;

import java.util.List;

/** A Root Port ATS Capability Reporting structure (ATSR, VT-d 3.4, 8.5): address translation services; noted. */
public record AtsReporting(int offset, boolean allPorts, int segment, List<DeviceScope> scopes)
        implements DmarStructure {

    public AtsReporting {
        scopes = List.copyOf(scopes);
    }
}
