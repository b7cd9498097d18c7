package dev.irqtopo.truth;

import static com.google.common.truth.Fact.fact;
import static com.google.common.truth.Fact.simpleFact;

import com.google.common.truth.FailureMetadata;
import com.google.common.truth.Subject;
import dev.irqtopo.runtime.message.Message;

/** Assertions about a {@link Message}, in its compatibility (destination and its mode, vector) and remappable views. */
public final class MessageSubject extends Subject {

    private final Message actual;

    MessageSubject(FailureMetadata metadata, Message actual) {
        super(metadata, actual);
        this.actual = actual;
    }

    public static Subject.Factory<MessageSubject, Message> messages() {
        return MessageSubject::new;
    }

    public void hasAddress(long address) {
        if (present()) {
            check("addressHex()").that(actual.addressHex()).isEqualTo(String.format("0x%016x", address));
        }
    }

    public void hasData(int data) {
        if (present()) {
            check("dataHex()").that(actual.dataHex()).isEqualTo(String.format("0x%08x", data));
        }
    }

    /** Address bit 4 set: VT-d's remappable format. */
    public void isRemappable() {
        if (present() && !actual.isRemappable()) {
            failWithActual(simpleFact("expected the remappable format (address bit 4 set)"));
        }
    }

    /** Address bit 4 clear: the compatibility format. */
    public void isCompatibilityFormat() {
        if (present() && !actual.isCompatibilityFormat()) {
            failWithActual(simpleFact("expected the compatibility format (address bit 4 clear)"));
        }
    }

    /** Compatibility format: destination APIC ID in address bits 19:12. */
    public void hasDestination(int apicId) {
        if (present()) {
            check("destination()").that(actual.destination()).isEqualTo(apicId);
        }
    }

    /**
     * Compatibility format: the destination mode address bit 2 selects, {@code "physical"} (an APIC ID)
     * or {@code "logical"} (a logical id).
     */
    public void hasDestinationMode(String mode) {
        boolean logical = switch (mode) {
            case "physical" -> false;
            case "logical" -> true;
            default -> throw new IllegalArgumentException("not a destination mode: " + mode + " (physical or logical)");
        };
        if (present() && actual.isLogicalDestination() != logical) {
            failWithActual(fact("expected destination mode", mode),
                    fact("but address bit 2 was", actual.isLogicalDestination() ? "set (logical)" : "clear (physical)"));
        }
    }

    /** Compatibility format: address bit 2 set, the destination is a logical id. */
    public void isLogical() {
        hasDestinationMode("logical");
    }

    /** Compatibility format: address bit 2 clear, the destination is an APIC ID. */
    public void isPhysical() {
        hasDestinationMode("physical");
    }

    /** Compatibility format: vector in data bits 7:0. */
    public void hasVector(int vector) {
        if (present()) {
            check("vector()").that(actual.vector()).isEqualTo(vector);
        }
    }

    /** Remappable format: the 16-bit handle. */
    public void hasHandle(int handle) {
        if (present()) {
            check("handle()").that(actual.handle()).isEqualTo(handle);
        }
    }

    /** Remappable format: sub-handle valid, with this sub-handle in data. */
    public void hasSubHandle(int subHandle) {
        if (!present()) {
            return;
        }
        if (!actual.subHandleValid()) {
            failWithActual(simpleFact("expected a valid sub-handle (address bit 3 set)"));
            return;
        }
        check("subHandle()").that(actual.subHandle()).isEqualTo(subHandle);
    }

    /** Whether there is a message to look at; reports it when there is none. */
    private boolean present() {
        if (actual == null) {
            failWithActual(simpleFact("expected a message"));
            return false;
        }
        return true;
    }
}
