package dev.irqtopo.truth;

import static com.google.common.truth.Fact.fact;
import static com.google.common.truth.Fact.simpleFact;

import com.google.common.truth.FailureMetadata;
import com.google.common.truth.Subject;
import dev.irqtopo.runtime.Delivery;

import java.util.OptionalInt;

/** Assertions about a {@link Delivery}: which outcome, and for whom. */
public final class DeliverySubject extends Subject {

    private final Delivery actual;

    DeliverySubject(FailureMetadata metadata, Delivery actual) {
        super(metadata, actual);
        this.actual = actual;
    }

    public static Subject.Factory<DeliverySubject, Delivery> deliveries() {
        return DeliverySubject::new;
    }

    /** Delivered to the handler of {@code kernel} on (v)CPU {@code cpu} and {@code vector}. */
    public void isDeliveredTo(String kernel, int cpu, int vector) {
        Delivery.Delivered delivered = as(Delivery.Delivered.class, "delivered");
        if (delivered != null) {
            check("kernel()").that(delivered.kernel()).isEqualTo(kernel);
            check("cpu()").that(delivered.cpu()).isEqualTo(cpu);
            check("vector()").that(delivered.vector()).isEqualTo(vector);
        }
    }

    /** Delivered to that handler, which is irq {@code virq} of {@code kernel}. */
    public void isDeliveredTo(String kernel, int cpu, int vector, int virq) {
        isDeliveredTo(kernel, cpu, vector);
        if (actual instanceof Delivery.Delivered delivered) {
            check("virq()").that(delivered.virq()).isEqualTo(virq);
        }
    }

    /** Blocked by the remapping unit with this reason ({@code "0x26"}, {@code "IO_PAGE_FAULT"}). */
    public void isFault(String reason) {
        Delivery.Fault fault = as(Delivery.Fault.class, "fault");
        if (fault != null) {
            check("faultReason()").that(fault.faultReason()).isEqualTo(reason);
        }
    }

    public void isSpurious() {
        as(Delivery.Spurious.class, "spurious");
    }

    /** Spurious on host CPU {@code cpu} at {@code vector}. */
    public void isSpuriousOn(int cpu, int vector) {
        Delivery.Spurious spurious = as(Delivery.Spurious.class, "spurious");
        if (spurious != null) {
            check("cpu()").that(spurious.cpu()).isEqualTo(OptionalInt.of(cpu));
            check("vector()").that(spurious.vector()).isEqualTo(OptionalInt.of(vector));
        }
    }

    /** Spurious with no CPU: no CPU has the destination APIC ID. */
    public void reachesNoCpu() {
        Delivery.Spurious spurious = as(Delivery.Spurious.class, "spurious");
        if (spurious != null) {
            check("cpu()").that(spurious.cpu()).isEqualTo(OptionalInt.empty());
        }
    }

    public void isNotSent() {
        as(Delivery.NotSent.class, "not_sent");
    }

    public void isMemoryWrite() {
        as(Delivery.MemoryWrite.class, "memory_write");
    }

    /** The actual delivery as that outcome, or null after reporting that it is another (or none). */
    private <T extends Delivery> T as(Class<T> outcome, String word) {
        if (!outcome.isInstance(actual)) {
            failWithActual(fact("expected outcome", word),
                    simpleFact("but was " + (actual == null ? "no delivery" : actual.outcome())));
            return null;
        }
        return outcome.cast(actual);
    }
}
