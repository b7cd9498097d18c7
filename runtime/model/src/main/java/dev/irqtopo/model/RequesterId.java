package dev.irqtopo.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PCI requester id: the segment and the bus/device/function a device tags its memory writes with.
 * Interrupt remapping validates it; it cannot be forged by software in the device's owner.
 */
public record RequesterId(int segment, int bus, int device, int function) implements Comparable<RequesterId> {

    private static final Pattern TEXT =
            Pattern.compile("(?:([0-9a-fA-F]+):)?([0-9a-fA-F]+):([0-9a-fA-F]+)\\.([0-9a-fA-F]+)");

    public RequesterId {
        check("segment", segment, 0xffff);
        check("bus", bus, 0xff);
        check("device", device, 0x1f);
        check("function", function, 0x7);
    }

    public static RequesterId of(int segment, int bus, int device, int function) {
        return new RequesterId(segment, bus, device, function);
    }

    public static RequesterId of(int bus, int device, int function) {
        return new RequesterId(0, bus, device, function);
    }

    /** Parses {@code 03:00.1} or {@code 0000:03:00.1}; every field hexadecimal. */
    public static RequesterId parse(String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a requester id: " + text);
        }
        int segment = m.group(1) == null ? 0 : hex(m.group(1));
        return new RequesterId(segment, hex(m.group(2)), hex(m.group(3)), hex(m.group(4)));
    }

    /** The 16-bit source id the remapping hardware compares: bus 15:8, device 7:3, function 2:0. */
    public int sourceId() {
        return bus << 8 | device << 3 | function;
    }

    /** {@code 03:00.1}, with the segment as four hex digits in front only when it is not 0. */
    @Override
    public String toString() {
        String bdf = hexDigits(bus, 2) + ":" + hexDigits(device, 2) + "." + Integer.toHexString(function);
        return segment == 0 ? bdf : hexDigits(segment, 4) + ":" + bdf;
    }

    /** {@code value} (which the factory bounds to {@code width} digits) zero-padded to {@code width} lower-case hex digits. */
    private static String hexDigits(int value, int width) {
        String digits = Integer.toHexString(value);
        return "0".repeat(width - digits.length()) + digits;
    }

    /*
     * equals and hashCode written out, giving what the record's own would: those are linked through method
     * handles the first time they run, which costs a command line that verifies one file a few milliseconds
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof RequesterId other && segment == other.segment && bus == other.bus
                && device == other.device && function == other.function;
    }

    @Override
    public int hashCode() {
        return ((segment * 31 + bus) * 31 + device) * 31 + function;
    }

    @Override
    public int compareTo(RequesterId other) {
        int c = Integer.compare(segment, other.segment);
        return c != 0 ? c : Integer.compare(sourceId(), other.sourceId());
    }

    private static int hex(String digits) {
        // more digits than any field allows still parses to a value the range check rejects
        long value = 0;
        for (char c : digits.toCharArray()) {
            value = Math.min(value * 16 + Character.digit(c, 16), Integer.MAX_VALUE);
        }
        return (int) value;
    }

    private static void check(String field, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(
                    "requester id " + field + " 0x" + Integer.toHexString(value) + " outside 0..0x" + Integer.toHexString(max));
        }
    }
}
