package dev.irqtopo.importer.acpi.dmar;

/** A remapping structure of the DMAR table (VT-d 3.4, 8.2): what follows the table's fixed fields. */
public sealed interface DmarStructure permits Drhd, ReservedMemoryRegion, AtsReporting, OtherStructure {

    /** The structure's byte offset in the table. */
    int offset();
}
