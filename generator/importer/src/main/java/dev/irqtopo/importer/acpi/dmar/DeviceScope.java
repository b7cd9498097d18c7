package dev.irqtopo.importer.acpi.dmar;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A device scope entry (VT-d 3.4, 8.3.1): the device a remapping structure applies to, as a start bus
 * and a path of device/function hops through bridges.
 *
 * @param offset        the entry's byte offset in the table
 * @param enumerationId the IOAPIC id, HPET number or ACPI device number (for those types)
 */
public record DeviceScope(int offset, ScopeType type, int enumerationId, int startBus, List<PathEntry> path) {

    public DeviceScope {
        path = List.copyOf(path);
    }

    /** {@code 00:1f.2}, or {@code 00:1c.0/00.0} for a path through a bridge. */
    public String pathText() {
        return String.format("%02x:", startBus) + path.stream().map(PathEntry::toString).collect(Collectors.joining("/"));
    }

    @Override
    public String toString() {
        return type.title() + " " + pathText()
                + (type == ScopeType.IOAPIC || type == ScopeType.HPET ? " (id " + enumerationId + ")" : "");
    }
}
