package dev.irqtopo.compiler.ast;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * A requester id as written, {@code 03:00.1} or {@code 0000:03:00.1}; each field is hexadecimal of any
 * length until the checker has seen it.
 */
public record Rid(String text, Pos pos, Optional<BigInteger> segment, BigInteger bus, BigInteger device,
        BigInteger function) {

    public Rid {
        Objects.requireNonNull(text);
        Objects.requireNonNull(pos);
        Objects.requireNonNull(segment);
        Objects.requireNonNull(bus);
        Objects.requireNonNull(device);
        Objects.requireNonNull(function);
    }

    /** Parses the text of a requester id token: two or three colon-separated fields, then a dot. */
    public static Rid parse(String text, Pos pos) {
        int dot = text.lastIndexOf('.');
        String[] fields = text.substring(0, dot).split(":");
        BigInteger function = new BigInteger(text.substring(dot + 1), 16);
        int n = fields.length;
        Optional<BigInteger> segment = n == 3 ? Optional.of(new BigInteger(fields[0], 16)) : Optional.empty();
        return new Rid(text, pos, segment, new BigInteger(fields[n - 2], 16), new BigInteger(fields[n - 1], 16),
                function);
    }

    /** Whether every field is within PCI's limits: segment ffff, bus ff, device 1f, function 7. */
    public boolean inRange() {
        return segmentOrZero().compareTo(BigInteger.valueOf(0xffff)) <= 0 && bus.compareTo(BigInteger.valueOf(0xff)) <= 0
                && device.compareTo(BigInteger.valueOf(0x1f)) <= 0 && function.compareTo(BigInteger.valueOf(7)) <= 0;
    }

    /**
     * The 16-bit requester id within its segment, bus in bits 15:8, device 7:3, function 2:0, for a
     * requester id {@link #inRange()}.
     */
    public int withinSegment() {
        if (!inRange()) {
            throw new IllegalStateException("requester id " + text + " out of range");
        }
        return bus.intValue() << 8 | device.intValue() << 3 | function.intValue();
    }

    /** The segment, 0 when the text gives none. */
    public BigInteger segmentOrZero() {
        return segment.orElse(BigInteger.ZERO);
    }

    /** Whether two requester ids name the same bus: the same segment and bus number. */
    public boolean sameBus(Rid other) {
        return segmentOrZero().equals(other.segmentOrZero()) && bus.equals(other.bus);
    }

    @Override
    public String toString() {
        return text;
    }
}
