package dev.irqtopo.runtime.diff;

import java.util.Objects;

/**
 * One field whose value differs: {@code old} in the old design, {@code now} in the new one; for a part
 * only one side has, the other side is {@link Value.Absent}.
 *
 * @param field the field's name as the JSON reports write it: {@code remapping}, {@code remap_index},
 *              {@code composed.address}, {@code host.apic_id}
 */
public record FieldChange(String field, Value old, Value now) {

    public FieldChange {
        Objects.requireNonNull(field);
        Objects.requireNonNull(old);
        Objects.requireNonNull(now);
        if (old.equals(now)) {
            throw new IllegalArgumentException(field + " is " + old.text() + " on both sides");
        }
    }
}
