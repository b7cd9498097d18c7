package dev.irqtopo.runtime.diff;

import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.message.DeliveryMode;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.sim.DeliveryFields;
import dev.irqtopo.runtime.sim.HostInterrupt;
import dev.irqtopo.runtime.sim.InterruptReport;
import dev.irqtopo.runtime.sim.NotSentReason;
import dev.irqtopo.runtime.sim.SimulationReport;
import dev.irqtopo.runtime.sim.SimulationText;
import dev.irqtopo.runtime.sim.StackReport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Each interrupt {@code simulate} reports, field by field as its JSON names them: this kernel's view,
 * the messages, the delivery and the host interrupt behind it.
 */
final class Interrupts {

    private Interrupts() {
    }

    /** Every interrupt of the simulation in boot order. */
    static Map<Subject.Interrupt, Facts> of(SimulationReport simulation) {
        Map<Subject.Interrupt, Facts> interrupts = new LinkedHashMap<>();
        for (StackReport stack : simulation.stacks()) {
            Subject.Stack subject = Stacks.subject(stack);
            for (InterruptReport irq : stack.interrupts()) {
                interrupts.put(new Subject.Interrupt(subject, irq.slot()), facts(irq));
            }
        }
        return interrupts;
    }

    static Facts facts(InterruptReport irq) {
        Facts facts = new Facts()
                .number("virq", irq.virq())
                .number("cpu", irq.cpu())
                .hex("vector", irq.vector())
                .number("remap_index", irq.remapIndex());
        message(facts, "composed", Optional.of(irq.composed()));
        message(facts, "stored", irq.stored());
        delivery(facts, irq.delivery());
        Optional<HostInterrupt> host = irq.host();
        facts.put("host.virq", host.map(h -> Value.number(h.virq())).orElse(Value.absent()))
                .put("host.cpu", host.map(h -> Value.number(h.cpu())).orElse(Value.absent()))
                .put("host.apic_id", host.map(h -> Value.hex(h.apicId())).orElse(Value.absent()))
                .put("host.vector", host.map(h -> Value.hex(h.vector())).orElse(Value.absent()))
                .put("host.posted", host.map(h -> Value.flag(h.posted())).orElse(Value.absent()));
        return facts.word("not_sent_reason", irq.notSentReason().map(NotSentReason::keyword));
    }

    private static void message(Facts facts, String name, Optional<Message> message) {
        facts.word(name + ".address", message.map(Message::addressHex))
                .word(name + ".data", message.map(Message::dataHex));
    }

    private static void delivery(Facts facts, Delivery delivery) {
        DeliveryFields fields = DeliveryFields.of(delivery);
        facts.word("delivery.outcome", delivery.outcome())
                .word("delivery.kernel", fields.kernel())
                .number("delivery.cpu", fields.cpu())
                .hex("delivery.vector", fields.vector())
                .number("delivery.virq", fields.virq())
                .word("delivery.fault_reason", fields.faultReason())
                .word("delivery.delivery_mode", fields.mode().map(DeliveryMode::keyword));
        // a multicast's CPUs each did something of their own, which the flat fields above do not name
        facts.word("delivery.deliveries", delivery instanceof Delivery.Multicast m
                ? Optional.of(m.deliveries().stream().map(SimulationText::delivery).collect(Collectors.joining("; ")))
                : Optional.empty());
    }
}
