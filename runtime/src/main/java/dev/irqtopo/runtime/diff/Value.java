package dev.irqtopo.runtime.diff;

import java.util.Objects;

/**
 * One field's value on one side of a difference, typed as the JSON reports type it: a number, a word
 * (a keyword of the language, a hex message half, a requester id), a flag, or nothing.
 */
public sealed interface Value permits Value.Number, Value.Word, Value.Flag, Value.Absent {

    /** The value for people: vectors and APIC IDs in hex as {@code simulate} prints them, nothing as {@code -}. */
    String text();

    static Value number(int value) {
        return new Number(value, false);
    }

    static Value number(long value) {
        return new Number(value, false);
    }

    /** A vector or an APIC ID: a number in JSON, {@code 0x21} for people. */
    static Value hex(int value) {
        return new Number(value, true);
    }

    static Value word(String word) {
        return new Word(word);
    }

    static Value flag(boolean flag) {
        return new Flag(flag);
    }

    static Value absent() {
        return Absent.INSTANCE;
    }

    /** @param hex whether people read it in hex; the JSON number is the same */
    record Number(long value, boolean hex) implements Value {
        @Override
        public String text() {
            return hex ? String.format("0x%02x", value) : Long.toString(value);
        }
    }

    record Word(String word) implements Value {
        public Word {
            Objects.requireNonNull(word);
        }

        @Override
        public String text() {
            return word;
        }
    }

    record Flag(boolean flag) implements Value {
        @Override
        public String text() {
            return Boolean.toString(flag);
        }
    }

    /** The field does not apply on this side: the part is not there, or it has no such value. */
    record Absent() implements Value {
        static final Absent INSTANCE = new Absent();

        @Override
        public String text() {
            return "-";
        }
    }
}
