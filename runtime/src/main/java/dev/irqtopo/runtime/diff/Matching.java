package dev.irqtopo.runtime.diff;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches the parts of two designs by subject and says what differs. The order is the new design's,
 * then the parts only the old one has, in its order: a deterministic order people recognise.
 */
final class Matching {

    private Matching() {
    }

    /** Parts added, removed, and those in both whose fields differ. */
    static <S extends Subject> List<Difference<S>> compare(Map<S, Facts> old, Map<S, Facts> now) {
        return match(old, now, true);
    }

    /** Parts added and removed only: parts in both count as the same whatever their fields. */
    static <S extends Subject> List<Difference<S>> presence(Map<S, Facts> old, Map<S, Facts> now) {
        return match(old, now, false);
    }

    private static <S extends Subject> List<Difference<S>> match(Map<S, Facts> old, Map<S, Facts> now,
                                                                 boolean fieldsCount) {
        List<Difference<S>> differences = new ArrayList<>();
        for (Map.Entry<S, Facts> part : now.entrySet()) {
            Facts was = old.get(part.getKey());
            if (was == null) {
                differences.add(new Difference<>(part.getKey(), ChangeKind.ADDED, fields(new Facts(), part.getValue())));
            } else if (fieldsCount) {
                List<FieldChange> changed = fields(was, part.getValue());
                if (!changed.isEmpty()) {
                    differences.add(new Difference<>(part.getKey(), ChangeKind.CHANGED, changed));
                }
            }
        }
        for (Map.Entry<S, Facts> part : old.entrySet()) {
            if (!now.containsKey(part.getKey())) {
                differences.add(new Difference<>(part.getKey(), ChangeKind.REMOVED, fields(part.getValue(), new Facts())));
            }
        }
        return differences;
    }

    /** The fields whose values differ, in the new side's order, then those only the old side has. */
    static List<FieldChange> fields(Facts old, Facts now) {
        Set<String> names = new LinkedHashSet<>(now.values().keySet());
        names.addAll(old.values().keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String name : names) {
            Value was = old.values().getOrDefault(name, Value.absent());
            Value is = now.values().getOrDefault(name, Value.absent());
            if (!was.equals(is)) {
                changes.add(new FieldChange(name, was, is));
            }
        }
        return changes;
    }
}
