package dev.irqtopo.cli.report;

import dev.irqtopo.runtime.Delivery;
import java.util.Optional;
import java.util.OptionalInt;

/** The flat {@code kernel, cpu, vector, virq, fault_reason} view of a delivery that reports print. */
record DeliveryFields(
        Optional<String> kernel, OptionalInt cpu, OptionalInt vector, OptionalInt virq, Optional<String> faultReason) {

    private static final DeliveryFields NONE =
            new DeliveryFields(Optional.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), Optional.empty());

    static DeliveryFields of(Delivery delivery) {
        if (delivery instanceof Delivery.Delivered d) {
            return new DeliveryFields(
                    Optional.of(d.kernel()), OptionalInt.of(d.cpu()), OptionalInt.of(d.vector()), OptionalInt.of(d.virq()),
                    Optional.empty());
        }
        if (delivery instanceof Delivery.Spurious s) {
            return new DeliveryFields(Optional.empty(), s.cpu(), s.vector(), OptionalInt.empty(), Optional.empty());
        }
        if (delivery instanceof Delivery.Fault f) {
            return new DeliveryFields(
                    Optional.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), Optional.of(f.faultReason()));
        }
        return NONE;
    }
}
