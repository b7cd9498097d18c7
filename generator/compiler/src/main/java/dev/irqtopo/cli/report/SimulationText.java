package dev.irqtopo.cli.report;

import dev.irqtopo.runtime.Delivery;
import dev.irqtopo.runtime.Message;
import dev.irqtopo.runtime.sim.InterruptReport;
import dev.irqtopo.runtime.sim.SimulationReport;
import dev.irqtopo.runtime.sim.StackReport;
import java.util.List;
import java.util.Optional;

/** {@code simulate} for people: per stack a header line, then one aligned row per interrupt. */
public final class SimulationText {

    private SimulationText() {
    }

    public static String render(List<SimulationReport> reports) {
        StringBuilder out = new StringBuilder();
        for (SimulationReport report : reports) {
            out.append("platform ").append(report.platform()).append('\n');
            for (StackReport stack : report.stacks()) {
                out.append("  ").append(stack.kernel()).append(": stack ").append(stack.device()).append('.')
                        .append(stack.storage().keyword()).append(": ").append(String.join(" -> ", stack.chain()))
                        .append("  ").append(status(stack)).append('\n');
                if (stack.interrupts().isEmpty()) {
                    continue;
                }
                TextTable table = new TextTable().row("slot", "virq", "cpu", "vector", "entry", "composed", "stored", "delivery");
                for (InterruptReport irq : stack.interrupts()) {
                    table.row(
                            Integer.toString(irq.slot()),
                            Integer.toString(irq.virq()),
                            Integer.toString(irq.cpu()),
                            hexByte(irq.vector()),
                            irq.remapIndex().isPresent() ? Integer.toString(irq.remapIndex().getAsInt()) : "-",
                            message(Optional.of(irq.composed())),
                            message(irq.stored()),
                            delivery(irq.delivery()));
                }
                table.appendTo(out, "    ");
            }
        }
        return out.toString();
    }

    private static String status(StackReport stack) {
        if (!stack.created()) {
            return "domain creation failed: " + stack.errno().map(Enum::name).orElse("?");
        }
        return stack.errno().map(e -> "allocation failed: " + e.name())
                .orElse(stack.interrupts().size() + (stack.interrupts().size() == 1 ? " interrupt" : " interrupts"));
    }

    static String message(Optional<Message> message) {
        return message.map(m -> m.addressHex() + " " + m.dataHex()).orElse("-");
    }

    static String hexByte(int value) {
        return String.format("0x%02x", value);
    }

    static String delivery(Delivery delivery) {
        DeliveryFields f = DeliveryFields.of(delivery);
        StringBuilder text = new StringBuilder(delivery.outcome());
        f.kernel().ifPresent(k -> text.append(' ').append(k));
        f.cpu().ifPresent(c -> text.append(" cpu ").append(c));
        f.vector().ifPresent(v -> text.append(" vector ").append(hexByte(v)));
        f.virq().ifPresent(v -> text.append(" virq ").append(v));
        f.faultReason().ifPresent(r -> text.append(' ').append(r));
        if (delivery instanceof Delivery.Spurious && f.cpu().isEmpty()) {
            text.append(" (no CPU has that APIC ID)");
        }
        return text.toString();
    }
}
