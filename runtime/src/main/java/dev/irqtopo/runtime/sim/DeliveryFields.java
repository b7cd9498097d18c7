package dev.irqtopo.runtime.sim;

import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.message.DeliveryMode;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The flat {@code kernel, cpu, vector, virq, fault_reason, delivery_mode} view of a delivery that
 * reports print (semantics §6 and §8): what an outcome does not name is empty. The plain text here and
 * the command line's JSON both read it. A multicast names no CPU here: its per-CPU deliveries, each
 * with fields of its own, are {@link Delivery.Multicast#deliveries()}.
 */
public record DeliveryFields(Optional<String> kernel, OptionalInt cpu, OptionalInt vector, OptionalInt virq,
                      Optional<String> faultReason, Optional<DeliveryMode> mode) {

    private static final DeliveryFields NONE = new DeliveryFields(Optional.empty(), OptionalInt.empty(),
            OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty());

    public static DeliveryFields of(Delivery delivery) {
        if (delivery instanceof Delivery.Delivered d) {
            return new DeliveryFields(Optional.of(d.kernel()), OptionalInt.of(d.cpu()), OptionalInt.of(d.vector()),
                    OptionalInt.of(d.virq()), Optional.empty(), d.deliveryMode());
        }
        if (delivery instanceof Delivery.Special s) {
            // the CPU itself takes an SMI, NMI, INIT or ExtINT: no vector, no handler's virq
            return new DeliveryFields(Optional.of(s.kernel()), OptionalInt.of(s.cpu()), OptionalInt.empty(),
                    OptionalInt.empty(), Optional.empty(), s.deliveryMode());
        }
        if (delivery instanceof Delivery.Spurious s) {
            return new DeliveryFields(Optional.empty(), s.cpu(), s.vector(), OptionalInt.empty(), Optional.empty(),
                    s.deliveryMode());
        }
        if (delivery instanceof Delivery.Broadcast b) {
            // every host CPU receives it, so no one CPU is named
            return new DeliveryFields(b.kernel(), OptionalInt.empty(), b.vector(), OptionalInt.empty(),
                    Optional.empty(), b.deliveryMode());
        }
        if (delivery instanceof Delivery.Multicast m) {
            // several host CPUs receive it: what each did is in its deliveries, and no one CPU is named
            return new DeliveryFields(m.kernel(), OptionalInt.empty(), m.vector(), OptionalInt.empty(),
                    Optional.empty(), m.deliveryMode());
        }
        if (delivery instanceof Delivery.Fault f) {
            return new DeliveryFields(Optional.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
                    Optional.of(f.faultReason()), Optional.empty());
        }
        return NONE;
    }
}
