package dev.irqtopo.importer.acpi.dmar;

import java.util.List;

/**
 * A DMA Remapping Hardware Unit Definition (VT-d 3.4, 8.3): one remapping unit, its register base and the
 * devices it covers: those of its scopes, or with INCLUDE_PCI_ALL every device of its segment that no
 * other unit's scope names.
 */
public record Drhd(int offset, boolean includePciAll, int segment, long registerBase, List<DeviceScope> scopes)
        implements DmarStructure {

    public Drhd {
        scopes = List.copyOf(scopes);
    }
}
