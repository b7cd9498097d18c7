package dev.irqtopo.runtime.message;

import java.util.Optional;

/**
 * The delivery mode of a compatibility-format message, data bits 10:8, as a local APIC acts on it.
 * Lowest priority (001) is delivered, and reported, as fixed; the reserved encodings 011 and 110 are
 * treated as fixed.
 */
public enum DeliveryMode {
    /** 000: the vector, to the destination's handler. */
    FIXED("fixed"),
    /** 010: a system management interrupt; the vector is ignored. */
    SMI("smi"),
    /** 100: a non-maskable interrupt; the vector is ignored. */
    NMI("nmi"),
    /** 101: INIT, which resets the CPU into wait-for-SIPI; the vector is ignored. */
    INIT("init"),
    /** 111: ExtINT, an 8259-style interrupt acknowledged through the PIC; the vector is ignored. */
    EXTINT("extint");

    /** The special modes, in report order. */
    public static final java.util.List<DeliveryMode> SPECIAL = java.util.List.of(SMI, NMI, INIT, EXTINT);

    private final String keyword;

    DeliveryMode(String keyword) {
        this.keyword = keyword;
    }

    /** {@code "fixed"}, {@code "nmi"}, ...: the word the JSON output uses. */
    public String keyword() {
        return keyword;
    }

    /** Whether the mode ignores the vector and reaches the CPU itself rather than a handler. */
    public boolean isSpecial() {
        return this != FIXED;
    }

    /** The mode a message's data selects (bits 10:8). */
    public static DeliveryMode of(int data) {
        return switch (Message.modeField(data)) {
            case 0b010 -> SMI;
            case 0b100 -> NMI;
            case 0b101 -> INIT;
            case 0b111 -> EXTINT;
            default -> FIXED; // 000 fixed, 001 lowest priority, reserved 011 and 110
        };
    }

    /** The mode named {@code keyword}. */
    public static Optional<DeliveryMode> named(String keyword) {
        for (DeliveryMode mode : values()) {
            if (mode.keyword.equals(keyword)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    /** The data bits 10:8 that select this mode. */
    public int dataBits() {
        return Message.modeBits(switch (this) {
            case FIXED -> 0;
            case SMI -> 0b010;
            case NMI -> 0b100;
            case INIT -> 0b101;
            case EXTINT -> 0b111;
        });
    }
}
