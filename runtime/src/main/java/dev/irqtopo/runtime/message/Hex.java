package dev.irqtopo.runtime.message;

/**
 * Lower-case hex padded with zeros to a width, as {@code %0Nx} formats it, for the traces and labels
 * the engine writes by the thousand: without parsing a format each time.
 */
public final class Hex {

    private Hex() {
    }

    /** {@code value} (two's complement when negative) in at least {@code width} hex digits. */
    public static String of(long value, int width) {
        return pad(Long.toHexString(value), width);
    }

    /** {@code value} (two's complement when negative) in at least {@code width} hex digits. */
    public static String of(int value, int width) {
        return pad(Integer.toHexString(value), width);
    }

    private static String pad(String digits, int width) {
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
