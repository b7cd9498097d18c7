package dev.irqtopo.runtime.sim;

import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.text.TextTable;
import java.util.List;
import java.util.Optional;

/**
 * {@code simulate} for people: per stack a header line, then one aligned row per interrupt: this
 * kernel's view, the remap entry (and whether it posts), the host CPU, its APIC ID and the host vector
 * behind the interrupt, the messages, and what firing did (for a slot that sent nothing, why).
 */
public final class SimulationText {

    /** Vectors below 0x10 are reserved for exceptions: the APIC records an illegal vector instead of delivering. */
    private static final int ILLEGAL_VECTOR_LIMIT = 0x10;

    private SimulationText() {
    }

    public static String render(List<SimulationReport> reports) {
        StringBuilder out = new StringBuilder();
        for (SimulationReport report : reports) {
            out.append("platform ").append(report.platform()).append('\n');
            if (!report.boot().isEmpty()) {
                out.append("  host: at boot, before any device\n");
                TextTable table = new TextTable().row("virq", "source", "cpu", "apic id", "vector", "entry", "composed");
                for (BootInterrupt irq : report.boot()) {
                    table.row(Integer.toString(irq.virq()), irq.source(), Integer.toString(irq.cpu()),
                            hexByte(irq.apicId()), hexByte(irq.vector()),
                            irq.remapIndex().isPresent() ? Integer.toString(irq.remapIndex().getAsInt()) : "-",
                            message(Optional.of(irq.composed())));
                }
                table.appendTo(out, "    ");
            }
            for (StackReport stack : report.stacks()) {
                out.append("  ").append(stack.kernel()).append(": stack ").append(stack.device()).append('.')
                        .append(stack.storage().keyword()).append(": ").append(String.join(" -> ", stack.chain()))
                        .append("  ").append(status(stack)).append('\n');
                if (stack.interrupts().isEmpty()) {
                    continue;
                }
                TextTable table = new TextTable().row("slot", "virq", "cpu", "vector", "entry", "host cpu", "apic id",
                        "host vector", "composed", "stored", "delivery");
                for (InterruptReport irq : stack.interrupts()) {
                    Optional<HostInterrupt> host = irq.host();
                    table.row(
                            Integer.toString(irq.slot()),
                            Integer.toString(irq.virq()),
                            Integer.toString(irq.cpu()),
                            hexByte(irq.vector()),
                            entry(irq),
                            host.map(h -> Integer.toString(h.cpu())).orElse("-"),
                            host.map(h -> hexByte(h.apicId())).orElse("-"),
                            host.map(h -> hexByte(h.vector())).orElse("-"),
                            message(Optional.of(irq.composed())),
                            message(irq.stored()),
                            delivery(irq.delivery()) + irq.notSentReason().map(r -> " (" + r.words() + ")").orElse(""));
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

    /** The remap entry the hardware uses, {@code 6 posted} when it posts to a vCPU, or {@code -}. */
    private static String entry(InterruptReport irq) {
        if (irq.remapIndex().isEmpty()) {
            return "-";
        }
        boolean posted = irq.host().map(HostInterrupt::posted).orElse(false);
        return irq.remapIndex().getAsInt() + (posted ? " posted" : "");
    }

    static String message(Optional<Message> message) {
        return message.map(m -> m.addressHex() + " " + m.dataHex()).orElse("-");
    }

    static String hexByte(int value) {
        return String.format("0x%02x", value);
    }

    /**
     * The delivery column: the outcome and whom it reached. A special mode reads
     * {@code nmi to host cpu 1}, a broadcast {@code broadcast vector 0x21 to every host cpu}, a multicast
     * {@code multicast vector 0x21 to 2 host cpus: delivered host cpu 0 vector 0x21 virq 24; spurious cpu 1 vector 0x21}.
     */
    public static String delivery(Delivery delivery) {
        if (delivery instanceof Delivery.Multicast m) {
            String what = m.vector().isPresent() ? "vector " + hexByte(m.vector().getAsInt()) : m.mode().keyword();
            StringBuilder text = new StringBuilder("multicast ").append(what).append(" to ")
                    .append(m.deliveries().size()).append(" host cpus: ");
            for (int i = 0; i < m.deliveries().size(); i++) {
                text.append(i == 0 ? "" : "; ").append(delivery(m.deliveries().get(i)));
            }
            return text.toString();
        }
        if (delivery instanceof Delivery.Special s) {
            return s.mode().keyword() + " to host cpu " + s.cpu();
        }
        if (delivery instanceof Delivery.Broadcast b) {
            String what = b.vector().isPresent() ? "vector " + hexByte(b.vector().getAsInt()) : b.mode().keyword();
            return "broadcast " + what + " to every host cpu";
        }
        DeliveryFields f = DeliveryFields.of(delivery);
        StringBuilder text = new StringBuilder(delivery.outcome());
        f.kernel().ifPresent(k -> text.append(' ').append(k));
        f.cpu().ifPresent(c -> text.append(" cpu ").append(c));
        f.vector().ifPresent(v -> text.append(" vector ").append(hexByte(v)));
        f.virq().ifPresent(v -> text.append(" virq ").append(v));
        f.faultReason().ifPresent(r -> text.append(' ').append(r));
        if (delivery instanceof Delivery.Spurious s) {
            if (s.mode().isSpecial()) {
                text.append(' ').append(s.mode().keyword());
            }
            if (s.cpu().isEmpty()) {
                text.append(" (no CPU has that APIC ID)");
            } else if (s.vector().isPresent() && s.vector().getAsInt() < ILLEGAL_VECTOR_LIMIT) {
                text.append(" (illegal vector)");
            }
        }
        return text.toString();
    }
}
