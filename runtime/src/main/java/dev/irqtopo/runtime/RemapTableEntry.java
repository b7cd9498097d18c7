package dev.irqtopo.runtime;

import dev.irqtopo.model.RequesterId;
import dev.irqtopo.runtime.remap.RemapEntry;

import java.util.Objects;
import java.util.Optional;

/**
 * A present entry of a remapping unit's tables, where it sits: its index, and for AMD-Vi the
 * requester id whose table holds it (VT-d has one table for the whole unit).
 */
public record RemapTableEntry(Optional<RequesterId> table, int index, RemapEntry entry) {

    public RemapTableEntry {
        Objects.requireNonNull(table);
        Objects.requireNonNull(entry);
        if (index < 0) {
            throw new IllegalArgumentException("index " + index);
        }
    }
}
