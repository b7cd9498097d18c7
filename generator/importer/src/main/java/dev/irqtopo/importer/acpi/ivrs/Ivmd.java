package dev.irqtopo.importer.acpi.ivrs;

/** An I/O Virtualization Memory Definition block (types 20h, 21h, 22h): DMA, not interrupts; read and noted. */
public record Ivmd(int offset, int type, int deviceId, long start, long length) implements IvrsBlock {
}
