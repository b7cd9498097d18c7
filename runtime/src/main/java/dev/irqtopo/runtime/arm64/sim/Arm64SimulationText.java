package dev.irqtopo.runtime.arm64.sim;

import dev.irqtopo.runtime.arm64.Arm64StackResult;
import dev.irqtopo.runtime.arm64.ArmVector;
import dev.irqtopo.runtime.arm64.HostBacking;
import dev.irqtopo.runtime.arm64.OutcomeWords;
import dev.irqtopo.runtime.message.Hex;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.text.TextTable;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code simulate} for people on an arm64 platform: per stack a header line (kernel, chain, the
 * DeviceID on its ITS, whether a guest's storage is trapped), then one row per interrupt: this
 * kernel's irq, CPU and its MPIDR, INTID and EventID; for a trapped guest vector the host interrupt
 * behind it; the composed and stored messages; what firing did.
 */
public final class Arm64SimulationText {

    private Arm64SimulationText() {
    }

    public static String render(List<Arm64SimulationReport> reports) {
        StringBuilder out = new StringBuilder();
        reports.forEach(r -> out.append(render(r)));
        return out.toString();
    }

    public static String render(Arm64SimulationReport report) {
        StringBuilder out = new StringBuilder("platform ").append(report.platform()).append(" (arm64)\n");
        for (Arm64StackReport stack : report.stacks()) {
            Arm64StackResult s = stack.stack();
            out.append("  ").append(s.kernel()).append(": stack ").append(s.device()).append('.')
                    .append(s.storage().busDomain().keyword()).append(": ").append(String.join(" -> ", s.chain()))
                    .append("  ").append(where(s)).append(", ").append(status(s)).append('\n');
            if (stack.interrupts().isEmpty()) {
                continue;
            }
            boolean backed = stack.interrupts().stream().anyMatch(i -> i.host().isPresent());
            TextTable table = new TextTable();
            if (backed) {
                table.row("slot", "virq", "vcpu", "mpidr", "intid", "event", "host virq", "host cpu", "host intid",
                        "host event", "composed", "stored", "delivery");
            } else {
                table.row("slot", "virq", s.isHost() ? "cpu" : "vcpu", "mpidr", "intid", "event", "composed", "stored",
                        "delivery");
            }
            for (Arm64InterruptReport irq : stack.interrupts()) {
                ArmVector v = irq.interrupt();
                String[] head = {Integer.toString(v.slot()), Integer.toString(v.virq()), Integer.toString(v.cpu()),
                    v.mpidr().toString(), Integer.toString(v.intid()), event(v.eventId())};
                String[] tail = {message(Optional.of(v.composed())), message(irq.stored()), OutcomeWords.of(irq.outcome())};
                if (backed) {
                    Optional<HostBacking> h = irq.host();
                    table.row(concat(head, new String[] {
                        h.map(b -> Integer.toString(b.host().virq())).orElse("-"),
                        h.map(b -> Integer.toString(b.host().cpu())).orElse("-"),
                        h.map(b -> b.host().intid() + (b.vlpi() ? " vlpi" : "")).orElse("-"),
                        h.map(b -> event(b.host().eventId())).orElse("-")}, tail));
                } else {
                    table.row(concat(head, new String[0], tail));
                }
            }
            table.appendTo(out, "    ");
        }
        return out.toString();
    }

    /** {@code DeviceID 0x300 on its0}, {@code on v2m0}, {@code DeviceID 0x8 on vm0's its (traps msix)}. */
    private static String where(Arm64StackResult s) {
        String unit = s.isHost() ? s.unit() : s.kernel() + "'s " + s.unit();
        String id = s.deviceId().isPresent() ? "DeviceID 0x" + Long.toHexString(s.deviceId().getAsLong()) + " on " : "on ";
        String trap = s.isHost() ? "" : s.trapped() ? " (trapped)" : " (not trapped)";
        return id + unit + trap;
    }

    private static String status(Arm64StackResult s) {
        if (s.errno().isPresent()) {
            return "allocation failed: " + s.errno().get().name();
        }
        int n = s.interrupts().size();
        return n + (n == 1 ? " interrupt" : " interrupts");
    }

    private static String event(OptionalLong event) {
        return event.isPresent() ? Long.toString(event.getAsLong()) : "-";
    }

    static String message(Optional<Message> message) {
        return message.map(m -> m.addressHex() + " " + m.dataHex()).orElse("-");
    }

    private static String[] concat(String[] a, String[] b, String[] c) {
        String[] all = new String[a.length + b.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        System.arraycopy(c, 0, all, a.length + b.length, c.length);
        return all;
    }
}
