package dev.irqtopo.truth;

import static com.google.common.truth.Fact.fact;
import static com.google.common.truth.Fact.simpleFact;

import com.google.common.truth.FailureMetadata;
import com.google.common.truth.Subject;
import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.message.DeliveryMode;

import java.util.Optional;
import java.util.OptionalInt;

/** Assertions about a {@link Delivery}: which outcome, for whom, and in which delivery mode. */
public final class DeliverySubject extends Subject {

    private final Delivery actual;

    DeliverySubject(FailureMetadata metadata, Delivery actual) {
        super(metadata, actual);
        this.actual = actual;
    }

    public static Subject.Factory<DeliverySubject, Delivery> deliveries() {
        return DeliverySubject::new;
    }

    /** Delivered in fixed mode to the handler of {@code kernel} on (v)CPU {@code cpu} and {@code vector}. */
    public void isDeliveredTo(String kernel, int cpu, int vector) {
        Delivery.Delivered delivered = as(Delivery.Delivered.class, "delivered (fixed)");
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

    /** An SMI, NMI, INIT or ExtINT that a host CPU took: no vector, no handler. */
    public void isSpecial() {
        as(Delivery.Special.class, "delivered (special mode)");
    }

    /** Host CPU {@code cpu} took a {@code mode} ({@code "smi"}, {@code "nmi"}, {@code "init"}, {@code "extint"}). */
    public void isSpecialOn(int cpu, String mode) {
        DeliveryMode expected = mode(mode);
        Delivery.Special special = as(Delivery.Special.class, "delivered (special mode)");
        if (special != null) {
            check("mode()").that(special.mode().keyword()).isEqualTo(expected.keyword());
            check("cpu()").that(special.cpu()).isEqualTo(cpu);
        }
    }

    /** The delivery mode the CPUs acted on: {@code "fixed"}, {@code "nmi"}, ... */
    public void hasDeliveryMode(String mode) {
        DeliveryMode expected = mode(mode);
        if (!present()) {
            return;
        }
        Optional<DeliveryMode> actualMode = actual.deliveryMode();
        if (actualMode.isEmpty()) {
            failWithActual(fact("expected delivery mode", expected.keyword()),
                    simpleFact("but was " + actual.outcome() + ", which reaches no CPU and has none"));
        } else if (actualMode.get() != expected) {
            failWithActual(fact("expected delivery mode", expected.keyword()),
                    fact("but the mode was", actualMode.get().keyword()));
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

    /** Sent to destination 0xFF: every host CPU received it, in any mode. */
    public void isBroadcast() {
        as(Delivery.Broadcast.class, "broadcast");
    }

    /** A fixed-mode broadcast of {@code vector}: each host CPU's owner of that vector runs. */
    public void isBroadcast(int vector) {
        Delivery.Broadcast broadcast = as(Delivery.Broadcast.class, "broadcast");
        if (broadcast != null) {
            check("vector()").that(broadcast.vector()).isEqualTo(OptionalInt.of(vector));
        }
    }

    /** A logical destination that named several host CPUs, each of which took it, in any mode. */
    public void isMulticast() {
        as(Delivery.Multicast.class, "multicast");
    }

    /** A fixed-mode multicast of {@code vector}: each named host CPU's owner of that vector runs. */
    public void isMulticast(int vector) {
        Delivery.Multicast multicast = as(Delivery.Multicast.class, "multicast");
        if (multicast != null) {
            check("vector()").that(multicast.vector()).isEqualTo(OptionalInt.of(vector));
        }
    }

    /** A multicast to {@code count} host CPUs. */
    public void isMulticastTo(int count) {
        Delivery.Multicast multicast = as(Delivery.Multicast.class, "multicast");
        if (multicast != null) {
            check("deliveries().size()").that(multicast.deliveries().size()).isEqualTo(count);
        }
    }

    /**
     * What the {@code i}-th host CPU (in increasing CPU order) a multicast reached did with it, for
     * assertions of its own; fails unless this is a multicast to more than {@code i} CPUs.
     */
    public DeliverySubject multicastDelivery(int i) {
        Delivery.Multicast multicast = as(Delivery.Multicast.class, "multicast");
        Delivery each = multicast == null || i < 0 || i >= multicast.deliveries().size() ? null : multicast.deliveries().get(i);
        if (multicast != null && each == null) {
            failWithActual(fact("expected a delivery on the CPU of index", i),
                    fact("but the multicast reached", multicast.deliveries().size() + " CPUs"));
        }
        return check("deliveries().get(%s)", i).about(deliveries()).that(each);
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
            failWithActual(fact("expected outcome", word), simpleFact("but was " + describe(actual)));
            return null;
        }
        return outcome.cast(actual);
    }

    /** {@code "fault"}, {@code "delivered (nmi)"}: the outcome, and the mode where it has one. */
    private static String describe(Delivery delivery) {
        if (delivery == null) {
            return "no delivery";
        }
        return delivery.outcome() + delivery.deliveryMode().map(m -> " (" + m.keyword() + ")").orElse("");
    }

    private boolean present() {
        if (actual == null) {
            failWithActual(simpleFact("expected a delivery"));
            return false;
        }
        return true;
    }

    /** A mistyped mode is the test's mistake, not a failed assertion. */
    private static DeliveryMode mode(String keyword) {
        return DeliveryMode.named(keyword)
                .orElseThrow(() -> new IllegalArgumentException("not a delivery mode: " + keyword));
    }
}
