package dev.irqtopo.importer.pci;

/** The MSI-X capability: its table's size. */
public record MsixCapability(int tableSize) {
}
