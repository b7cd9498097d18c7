package dev.irqtopo.importer.acpi.dmar;

/** One hop of a device scope's path: a device and function on the bus the previous hop leads to. */
public record PathEntry(int device, int function) {

    @Override
    public String toString() {
        return String.format("%02x.%x", device, function);
    }
}
