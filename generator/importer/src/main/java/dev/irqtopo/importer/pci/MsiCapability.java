package dev.irqtopo.importer.pci;

/** The MSI capability: how many messages the function can ask for (its Multiple Message Capable count) and per-vector masking. */
public record MsiCapability(int vectors, boolean maskable) {
}
