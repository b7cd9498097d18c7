package dev.irqtopo.runtime.diff;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** One part's fields in their order, each with its value; what two parts are compared by. */
final class Facts {

    private final Map<String, Value> values = new LinkedHashMap<>();

    Facts put(String field, Value value) {
        values.put(field, value);
        return this;
    }

    Facts number(String field, int value) {
        return put(field, Value.number(value));
    }

    Facts number(String field, OptionalInt value) {
        return put(field, value.isPresent() ? Value.number(value.getAsInt()) : Value.absent());
    }

    Facts number(String field, OptionalLong value) {
        return put(field, value.isPresent() ? Value.number(value.getAsLong()) : Value.absent());
    }

    Facts hex(String field, int value) {
        return put(field, Value.hex(value));
    }

    Facts hex(String field, OptionalInt value) {
        return put(field, value.isPresent() ? Value.hex(value.getAsInt()) : Value.absent());
    }

    Facts word(String field, String word) {
        return put(field, Value.word(word));
    }

    Facts word(String field, Optional<String> word) {
        return put(field, word.map(Value::word).orElse(Value.absent()));
    }

    Facts flag(String field, boolean flag) {
        return put(field, Value.flag(flag));
    }

    /** The fields in order; one that does not apply is {@link Value.Absent}. */
    Map<String, Value> values() {
        return Collections.unmodifiableMap(values);
    }
}
