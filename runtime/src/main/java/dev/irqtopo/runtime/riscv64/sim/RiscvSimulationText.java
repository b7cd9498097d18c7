package dev.irqtopo.runtime.riscv64.sim;

import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.riscv64.OutcomeWords;
import dev.irqtopo.runtime.riscv64.RiscvStackResult;
import dev.irqtopo.runtime.riscv64.RiscvVector;
import dev.irqtopo.runtime.text.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code simulate} for people on a riscv64 platform: the IPI line, then per stack a header line (kernel,
 * chain, the device's MSI translation, whether a guest's storage is trapped), then one row per
 * interrupt: this kernel's irq, CPU, interrupt file and identity; for a host-backed guest vector the
 * host identity behind it; the composed and stored messages; what firing did.
 */
public final class RiscvSimulationText {

    private RiscvSimulationText() {
    }

    public static String render(List<RiscvSimulationReport> reports) {
        StringBuilder out = new StringBuilder();
        reports.forEach(r -> out.append(render(r)));
        return out.toString();
    }

    public static String render(RiscvSimulationReport report) {
        StringBuilder out = new StringBuilder("platform ").append(report.platform()).append(" (riscv64)\n");
        out.append("  host: identity 1 on ").append(report.harts() == 1 ? "hart 0" : "harts 0.." + (report.harts() - 1))
                .append(" is the IMSIC driver's IPI\n");
        for (RiscvStackReport stack : report.stacks()) {
            RiscvStackResult s = stack.stack();
            out.append("  ").append(s.kernel()).append(": stack ").append(s.device()).append('.')
                    .append(s.storage().busDomain().keyword()).append(": ").append(String.join(" -> ", s.chain()))
                    .append("  msi ").append(s.msi()).append(s.isHost() ? "" : s.trapped() ? " (trapped)" : " (not trapped)")
                    .append(", ").append(status(s)).append('\n');
            if (stack.interrupts().isEmpty()) {
                continue;
            }
            boolean backed = stack.interrupts().stream().anyMatch(i -> i.host().isPresent());
            TextTable table = new TextTable();
            if (backed) {
                table.row("slot", "virq", "vcpu", "file", "identity", "host virq", "host file", "host identity",
                        "composed", "stored", "delivery");
            } else {
                table.row("slot", "virq", s.isHost() ? "cpu" : "vcpu", "file", "identity", "composed", "stored", "delivery");
            }
            for (RiscvInterruptReport irq : stack.interrupts()) {
                RiscvVector v = irq.interrupt();
                List<String> row = new ArrayList<>(List.of(Integer.toString(v.slot()), Integer.toString(v.virq()),
                        Integer.toString(v.cpu()), v.file().word(), Integer.toString(v.identity())));
                if (backed) {
                    Optional<RiscvVector> h = irq.host();
                    row.add(h.map(b -> Integer.toString(b.virq())).orElse("-"));
                    row.add(h.map(b -> b.file().word()).orElse("-"));
                    row.add(h.map(b -> Integer.toString(b.identity())).orElse("-"));
                }
                row.add(message(Optional.of(v.composed())));
                row.add(message(irq.stored()));
                row.add(OutcomeWords.of(irq.outcome()));
                table.row(row.toArray(new String[0]));
            }
            table.appendTo(out, "    ");
        }
        return out.toString();
    }

    private static String status(RiscvStackResult s) {
        if (s.errno().isPresent()) {
            return "allocation failed: " + s.errno().get().name();
        }
        int n = s.interrupts().size();
        return n + (n == 1 ? " interrupt" : " interrupts");
    }

    static String message(Optional<Message> message) {
        return message.map(m -> m.addressHex() + " " + m.dataHex()).orElse("-");
    }
}
