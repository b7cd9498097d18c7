package dev.irqtopo.runtime.diff;

import dev.irqtopo.model.RiscvPlatformModel;
import dev.irqtopo.model.StackDeclaration;
import dev.irqtopo.model.riscv.InterruptFile;
import dev.irqtopo.model.riscv.RiscvGuestModel;
import dev.irqtopo.runtime.imsic.ImsicWrite;
import dev.irqtopo.runtime.message.Hex;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.riommu.DeviceWrite;
import dev.irqtopo.runtime.riscv64.RiscvOutcome;
import dev.irqtopo.runtime.riscv64.RiscvStackResult;
import dev.irqtopo.runtime.riscv64.RiscvVector;
import dev.irqtopo.runtime.riscv64.Taken;
import dev.irqtopo.runtime.riscv64.sim.RiscvInterruptReport;
import dev.irqtopo.runtime.riscv64.sim.RiscvSimulationReport;
import dev.irqtopo.runtime.riscv64.sim.RiscvStackReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code simulate} says of a riscv64 platform, as facts named as its JSON names them, nested keys
 * dotted: each stack (its device's MSI translation, whether the VMM traps it), and each interrupt (this
 * kernel's hart or vCPU, interrupt file and identity, the messages, what the device's write did at the
 * IOMMU and the IMSIC, who took the identity, and the host identity behind a trapped guest vector).
 */
final class RiscvRuns {

    private RiscvRuns() {
    }

    /** Every stack in boot order (the host's, then each guest's): its declaration and what booting did. */
    static Map<Subject.Stack, Facts> stacks(RiscvPlatformModel platform, RiscvSimulationReport simulation) {
        List<StackDeclaration> declared = new ArrayList<>(platform.hostStacks());
        platform.guests().stream().map(RiscvGuestModel::stacks).forEach(declared::addAll);
        Map<Subject.Stack, Facts> stacks = new LinkedHashMap<>();
        for (int i = 0; i < simulation.stacks().size(); i++) {
            RiscvStackResult s = simulation.stacks().get(i).stack();
            stacks.put(subject(s), new Facts()
                    .word("storage", s.storage().keyword())
                    .word("chain", String.join(" -> ", s.chain()))
                    .number("alloc", declared.get(i).alloc())
                    .word("msi", s.msi())
                    .flag("trapped", s.trapped())
                    .word("errno", s.errno().map(Enum::name)));
        }
        return stacks;
    }

    private static Subject.Stack subject(RiscvStackResult stack) {
        return new Subject.Stack(stack.kernel(), stack.device(), stack.storage().busDomain());
    }

    static Map<Subject.Interrupt, Facts> interrupts(RiscvSimulationReport simulation) {
        Map<Subject.Interrupt, Facts> interrupts = new LinkedHashMap<>();
        for (RiscvStackReport stack : simulation.stacks()) {
            for (RiscvInterruptReport irq : stack.interrupts()) {
                interrupts.put(new Subject.Interrupt(subject(stack.stack()), irq.interrupt().slot()), facts(irq));
            }
        }
        return interrupts;
    }

    private static Facts facts(RiscvInterruptReport irq) {
        Facts facts = new Facts();
        vector(facts, "", Optional.of(irq.interrupt()));
        message(facts, "stored", irq.stored());
        delivery(facts, irq.outcome());
        vector(facts, "host.", irq.host());
        return facts.word("not_sent_reason", irq.outcome() instanceof RiscvOutcome.NotSentAtAll n
                ? Optional.of(n.reason().keyword()) : Optional.empty());
    }

    /** {@code virq, cpu, file, identity, composed}: one kernel's view of an interrupt, or none. */
    private static void vector(Facts facts, String prefix, Optional<RiscvVector> v) {
        facts.put(prefix + "virq", v.map(x -> Value.number(x.virq())).orElse(Value.absent()))
                .put(prefix + "cpu", v.map(x -> Value.number(x.cpu())).orElse(Value.absent()))
                .word(prefix + "file", v.map(x -> x.file().word()))
                .put(prefix + "identity", v.map(x -> Value.number(x.identity())).orElse(Value.absent()));
        message(facts, prefix + "composed", v.map(RiscvVector::composed));
    }

    /**
     * The device write (its route and the physical address when it went on), what the IMSIC did (for an
     * MRIF, what its notice did), the MRIF, the fault or the discard, and who took the identity.
     */
    private static void delivery(Facts facts, RiscvOutcome outcome) {
        DeviceWrite write = outcome instanceof RiscvOutcome.Written w ? w.write() : null;
        DeviceWrite.Onward onward = write instanceof DeviceWrite.Onward o ? o : null;
        DeviceWrite.MrifRecorded recorded = write instanceof DeviceWrite.MrifRecorded m ? m : null;
        ImsicWrite effect = onward != null ? onward.effect() : recorded != null ? recorded.notice() : null;
        Value identity = effect instanceof ImsicWrite.Pending p ? Value.number(p.identity())
                : recorded != null ? Value.number(recorded.identity()) : Value.absent();
        Optional<Long> mrif = recorded != null ? Optional.of(recorded.mrif())
                : write instanceof DeviceWrite.MrifDiscarded d ? Optional.of(d.mrif()) : Optional.empty();
        facts.word("delivery.outcome", outcome.outcome())
                .word("delivery.route", Optional.ofNullable(onward).map(o -> o.route().word()))
                .word("delivery.address", Optional.ofNullable(onward).map(o -> "0x" + Hex.of(o.address(), 16)))
                .word("delivery.file", Optional.ofNullable(effect).flatMap(ImsicWrite::file).map(InterruptFile::word))
                .put("delivery.identity", identity)
                .word("delivery.ignore_reason", effect instanceof ImsicWrite.Ignored i
                        ? Optional.of(i.reason().word()) : Optional.empty())
                .word("delivery.mrif", mrif.map(a -> "0x" + Hex.of(a, 12)))
                .word("delivery.fault", write instanceof DeviceWrite.Faulted f
                        ? Optional.of(f.fault().word()) : Optional.empty())
                .word("delivery.discard_reason", write instanceof DeviceWrite.MrifDiscarded d
                        ? Optional.of(d.reason().word()) : Optional.empty());
        taken(facts, outcome instanceof RiscvOutcome.Written w ? w.taken() : Optional.empty());
    }

    /** Who took the identity made pending: the kernel, its hart or vCPU, how it got there, its irq. */
    private static void taken(Facts facts, Optional<Taken> taken) {
        facts.word("delivery.taken.kernel", taken.map(Taken::kernel))
                .put("delivery.taken.cpu", taken.map(t -> Value.number(t.cpu())).orElse(Value.absent()))
                .word("delivery.taken.file", taken.map(t -> t.file().word()))
                .put("delivery.taken.identity", taken.map(t -> Value.number(t.identity())).orElse(Value.absent()))
                .put("delivery.taken.virq", taken.filter(t -> t.virq().isPresent())
                        .map(t -> Value.number(t.virq().getAsInt())).orElse(Value.absent()))
                .word("delivery.taken.route", taken.map(t -> t.route().word()))
                .word("delivery.taken.host_file", taken.flatMap(Taken::host).map(h -> h.file().word()))
                .put("delivery.taken.host_identity", taken.flatMap(Taken::host)
                        .map(h -> Value.number(h.identity())).orElse(Value.absent()));
    }

    private static void message(Facts facts, String name, Optional<Message> message) {
        facts.word(name + ".address", message.map(Message::addressHex))
                .word(name + ".data", message.map(Message::dataHex));
    }
}
