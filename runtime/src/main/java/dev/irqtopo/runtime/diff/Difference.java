package dev.irqtopo.runtime.diff;

import java.util.List;
import java.util.Objects;

/**
 * What differs about one part matched by its {@code subject}: added with every field it has (old side
 * absent), removed with every field it had, or changed with only the fields that differ, each in the
 * part's own field order.
 *
 * @param <S> what the part is matched by
 */
public record Difference<S extends Subject>(S subject, ChangeKind change, List<FieldChange> fields) {

    public Difference {
        Objects.requireNonNull(subject);
        Objects.requireNonNull(change);
        fields = List.copyOf(fields);
        if (change == ChangeKind.CHANGED && fields.isEmpty()) {
            throw new IllegalArgumentException(subject.text() + " changed in no field");
        }
    }
}
