package dev.irqtopo.testing;

import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.isolation.Finding;
import dev.irqtopo.runtime.isolation.IsolationReport;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.sim.InterruptReport;
import dev.irqtopo.runtime.sim.SimulationReport;
import dev.irqtopo.runtime.sim.StackReport;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders reports as one line per stack, interrupt and finding, with the same fields and values as
 * the JSON output (vectors and indices as integers, messages as hex), so expected results can be
 * written down next to the {@code .expect.json} they come from.
 */
public final class Render {

    private Render() {
    }

    public static List<String> lines(SimulationReport report) {
        List<String> lines = new ArrayList<>();
        for (StackReport stack : report.stacks()) {
            lines.add(String.format("%s %s.%s %s created=%s errno=%s", stack.kernel(), stack.device(), stack.storage().keyword(),
                    stack.chain(), stack.created(), stack.errno().map(Errno::name).orElse("null")));
            for (InterruptReport irq : stack.interrupts()) {
                lines.add(String.format("  slot %d virq %d cpu %d vector %d remap %s composed %s stored %s %s",
                        irq.slot(), irq.virq(), irq.cpu(), irq.vector(),
                        irq.remapIndex().isPresent() ? String.valueOf(irq.remapIndex().getAsInt()) : "null",
                        irq.composed(), irq.stored().map(Message::toString).orElse("null"), delivery(irq.delivery())));
            }
        }
        return lines;
    }

    public static List<String> lines(IsolationReport report) {
        List<String> lines = new ArrayList<>();
        for (Finding f : report.findings()) {
            lines.add(String.format("%s %s.%s victim %s message %s requester %s",
                    f.guest(), f.device(), f.means().keyword(), f.victim(), f.message(), f.requesterId()));
        }
        return lines;
    }

    public static String delivery(Delivery delivery) {
        if (delivery instanceof Delivery.Delivered d) {
            return String.format("delivered %s cpu %d vector %d virq %d", d.kernel(), d.cpu(), d.vector(), d.virq());
        }
        if (delivery instanceof Delivery.Fault f) {
            return "fault " + f.faultReason();
        }
        if (delivery instanceof Delivery.Spurious s) {
            return String.format("spurious cpu %s vector %s %s", text(s.cpu()), text(s.vector()), s.mode().keyword());
        }
        if (delivery instanceof Delivery.Special s) {
            return String.format("%s cpu %d", s.mode().keyword(), s.cpu());
        }
        if (delivery instanceof Delivery.Broadcast b) {
            return String.format("broadcast vector %s %s", text(b.vector()), b.mode().keyword());
        }
        return delivery.outcome();
    }

    private static String text(java.util.OptionalInt value) {
        return value.isPresent() ? String.valueOf(value.getAsInt()) : "null";
    }
}
