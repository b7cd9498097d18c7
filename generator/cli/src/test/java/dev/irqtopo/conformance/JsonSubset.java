package dev.irqtopo.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The conformance README's matching rule: every key of an expected object must be in the actual object
 * with a matching value, recursively; arrays match element by element with equal lengths; hex strings
 * compare case-insensitively.
 */
final class JsonSubset {

    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");

    private JsonSubset() {
    }

    /** The first difference, as {@code $.path: what}, or empty when {@code actual} contains {@code expected}. */
    static Optional<String> firstDifference(JsonNode expected, JsonNode actual, String path) {
        if (expected.isObject()) {
            if (!actual.isObject()) {
                return Optional.of(path + ": expected an object, got " + actual);
            }
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                JsonNode value = actual.get(field.getKey());
                if (value == null) {
                    return Optional.of(path + "." + field.getKey() + ": missing");
                }
                Optional<String> difference = firstDifference(field.getValue(), value, path + "." + field.getKey());
                if (difference.isPresent()) {
                    return difference;
                }
            }
            return Optional.empty();
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                return Optional.of(path + ": expected " + expected.size() + " elements, got "
                        + (actual.isArray() ? actual.size() + "" : actual.getNodeType().toString()));
            }
            for (int i = 0; i < expected.size(); i++) {
                Optional<String> difference = firstDifference(expected.get(i), actual.get(i), path + "[" + i + "]");
                if (difference.isPresent()) {
                    return difference;
                }
            }
            return Optional.empty();
        }
        boolean same;
        if (expected.isTextual() && actual.isTextual()
                && HEX.matcher(expected.asText()).matches() && HEX.matcher(actual.asText()).matches()) {
            same = expected.asText().equalsIgnoreCase(actual.asText());
        } else if (expected.isNumber() && actual.isNumber()) {
            same = expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        } else {
            same = expected.equals(actual);
        }
        return same ? Optional.empty() : Optional.of(path + ": expected " + expected + ", got " + actual);
    }
}
