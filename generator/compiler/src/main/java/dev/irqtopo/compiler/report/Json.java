package dev.irqtopo.compiler.report;

import java.util.List;
import java.util.Map;

/**
 * Writes JSON from maps (in their own order), lists, strings, numbers, booleans and nulls, two spaces
 * to a level. An object or array is written on one line when it holds only plain values, or objects and
 * arrays of plain values.
 */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, "");
        return out.append('\n').toString();
    }

    private static void write(Object value, StringBuilder out, String indent) {
        if (value instanceof Map<?, ?> map) {
            object(map, out, indent);
        } else if (value instanceof List<?> list) {
            array(list, out, indent);
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value == null || value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        }
    }

    private static void object(Map<?, ?> map, StringBuilder out, String indent) {
        boolean flat = map.values().stream().allMatch(Json::shallow);
        String inner = indent + "  ";
        out.append('{');
        String separator = flat ? "" : "\n" + inner;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            out.append(separator);
            string((String) entry.getKey(), out);
            out.append(": ");
            write(entry.getValue(), out, inner);
            separator = flat ? ", " : ",\n" + inner;
        }
        out.append(flat || map.isEmpty() ? "" : "\n" + indent).append('}');
    }

    private static void array(List<?> list, StringBuilder out, String indent) {
        boolean flat = list.stream().allMatch(Json::shallow);
        String inner = indent + "  ";
        out.append('[');
        String separator = flat ? "" : "\n" + inner;
        for (Object element : list) {
            out.append(separator);
            write(element, out, inner);
            separator = flat ? ", " : ",\n" + inner;
        }
        out.append(flat || list.isEmpty() ? "" : "\n" + indent).append(']');
    }

    /** A plain value, or an object or array of plain values: what may stand inside a one-line object. */
    private static boolean shallow(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().allMatch(Json::plain);
        }
        if (value instanceof List<?> list) {
            return list.stream().allMatch(Json::plain);
        }
        return true;
    }

    private static boolean plain(Object value) {
        return !(value instanceof Map<?, ?> || value instanceof List<?>);
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
