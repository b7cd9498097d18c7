package dev.irqtopo.cli;

import dev.irqtopo.runtime.message.Message;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ADDRESS:DATA} of {@code trace --message}: two hex numbers, each with or without
 * {@code 0x}, an address of up to 64 bits and data of up to 32 (leading zeros do not count).
 */
final class MessageArgument {

    private static final Pattern SHAPE = Pattern.compile("(?:0[xX])?([0-9a-fA-F]+):(?:0[xX])?([0-9a-fA-F]+)");
    private static final int ADDRESS_DIGITS = 16;
    private static final int DATA_DIGITS = 8;

    private MessageArgument() {
    }

    /**
     * The message {@code text} writes.
     *
     * @throws IllegalArgumentException naming the problem in one line: not two hex numbers separated by
     *         {@code ':'}, or a number wider than its field
     */
    static Message parse(String text) {
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("--message '" + text
                    + "': expected ADDRESS:DATA, two hex numbers separated by ':' (as in 0xfee00018:0x0)");
        }
        String address = significant(m.group(1));
        String data = significant(m.group(2));
        if (address.length() > ADDRESS_DIGITS) {
            throw new IllegalArgumentException("--message '" + text + "': address 0x" + address + " is wider than 64 bits");
        }
        if (data.length() > DATA_DIGITS) {
            throw new IllegalArgumentException("--message '" + text + "': data 0x" + data + " is wider than 32 bits");
        }
        return Message.of(Long.parseUnsignedLong(address, 16), Integer.parseUnsignedInt(data, 16));
    }

    /** The digits without leading zeros, lower case; {@code "0"} for zero. */
    private static String significant(String digits) {
        String stripped = digits.replaceFirst("^0+", "").toLowerCase(Locale.ROOT);
        return stripped.isEmpty() ? "0" : stripped;
    }
}
