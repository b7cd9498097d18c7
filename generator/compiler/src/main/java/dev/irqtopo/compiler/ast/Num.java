package dev.irqtopo.compiler.ast;

import java.math.BigInteger;
import java.util.Objects;

/**
 * An integer literal of any size; ranges are the checker's business.
 *
 * @param text the literal as written ({@code 0x2a}, {@code 65_536}), for messages
 */
public record Num(BigInteger value, String text, Pos pos) {

    public Num {
        Objects.requireNonNull(value);
        Objects.requireNonNull(text);
        Objects.requireNonNull(pos);
    }

    /** Parses a decimal or {@code 0x} hexadecimal literal with optional {@code _} separators. */
    public static Num parse(String text, Pos pos) {
        String digits = text.replace("_", "");
        boolean hex = digits.length() > 2 && (digits.startsWith("0x") || digits.startsWith("0X"));
        BigInteger value = hex ? new BigInteger(digits.substring(2), 16) : new BigInteger(digits, 10);
        return new Num(value, text, pos);
    }

    /** Whether the value lies in {@code min..max}, both inclusive. */
    public boolean in(long min, long max) {
        return value.compareTo(BigInteger.valueOf(min)) >= 0 && value.compareTo(BigInteger.valueOf(max)) <= 0;
    }

    public boolean isPowerOfTwo() {
        return value.signum() > 0 && value.bitCount() == 1;
    }

    /** The value, for callers that have checked its range. */
    public int intValue() {
        return value.intValueExact();
    }

    @Override
    public String toString() {
        return text;
    }
}
