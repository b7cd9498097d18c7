package dev.irqtopo.importer.acpi.dmar;

import dev.irqtopo.importer.acpi.AcpiHeader;
import java.util.List;

/**
 * The DMA Remapping Reporting table (VT-d 3.4, 8.1).
 *
 * @param hostAddressWidth the DMA address width, minus one, as the table gives it
 * @param intrRemap        flag INTR_REMAP: the platform supports interrupt remapping
 * @param x2apicOptOut     flag X2APIC_OPT_OUT: firmware asks the OS not to enable x2APIC mode
 */
public record DmarTable(AcpiHeader header, int hostAddressWidth, boolean intrRemap, boolean x2apicOptOut,
        boolean dmaControlOptIn, List<DmarStructure> structures) {

    /** The flags byte's offset, for warnings about it. */
    public static final int FLAGS_OFFSET = 37;

    public DmarTable {
        structures = List.copyOf(structures);
    }

    public List<Drhd> units() {
        return structures.stream().filter(Drhd.class::isInstance).map(Drhd.class::cast).toList();
    }
}
