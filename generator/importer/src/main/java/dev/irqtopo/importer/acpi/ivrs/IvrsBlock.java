package dev.irqtopo.importer.acpi.ivrs;

/** A block of the IVRS table: an IVHD (an IOMMU) or an IVMD (a memory definition). */
public sealed interface IvrsBlock permits Ivhd, Ivmd {

    int offset();

    int type();
}
