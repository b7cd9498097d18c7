package dev.irqtopo.runtime.diff;

import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.arm.Arm64GuestModel;
import dev.irqtopo.model.arm.GicStackModel;
import dev.irqtopo.runtime.arm64.Arm64Outcome;
import dev.irqtopo.runtime.arm64.ArmVector;
import dev.irqtopo.runtime.arm64.HostBacking;
import dev.irqtopo.runtime.arm64.isolation.Arm64Assignment;
import dev.irqtopo.runtime.arm64.isolation.Arm64Finding;
import dev.irqtopo.runtime.arm64.isolation.Arm64IsolationReport;
import dev.irqtopo.runtime.arm64.sim.Arm64InterruptReport;
import dev.irqtopo.runtime.arm64.sim.Arm64SimulationReport;
import dev.irqtopo.runtime.arm64.sim.Arm64StackReport;
import dev.irqtopo.runtime.message.Hex;
import dev.irqtopo.runtime.message.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code simulate} and {@code verify} say of an arm64 platform, as facts named as their JSON names
 * them: each stack, each interrupt (this kernel's view, the messages, the delivery, the host
 * interrupt behind a trapped guest vector), each finding and each assignment.
 */
final class Arm64Runs {

    private Arm64Runs() {
    }

    /** Every stack in boot order (the host's, then each guest's): its declaration and what booting did. */
    static Map<Subject.Stack, Facts> stacks(Arm64PlatformModel platform, Arm64SimulationReport simulation) {
        List<GicStackModel> declared = new ArrayList<>(platform.hostStacks());
        platform.guests().stream().map(Arm64GuestModel::stacks).forEach(declared::addAll);
        Map<Subject.Stack, Facts> stacks = new LinkedHashMap<>();
        for (int i = 0; i < simulation.stacks().size(); i++) {
            var s = simulation.stacks().get(i).stack();
            stacks.put(subject(simulation.stacks().get(i)), new Facts()
                    .word("storage", s.storage().keyword())
                    .word("chain", String.join(" -> ", s.chain()))
                    .number("alloc", declared.get(i).alloc())
                    .word("unit", s.unit())
                    .number("device_id", s.deviceId())
                    .flag("trapped", s.trapped())
                    .word("errno", s.errno().map(Enum::name)));
        }
        return stacks;
    }

    static Subject.Stack subject(Arm64StackReport stack) {
        return new Subject.Stack(stack.stack().kernel(), stack.stack().device(), stack.stack().storage().busDomain());
    }

    static Map<Subject.Interrupt, Facts> interrupts(Arm64SimulationReport simulation) {
        Map<Subject.Interrupt, Facts> interrupts = new LinkedHashMap<>();
        for (Arm64StackReport stack : simulation.stacks()) {
            for (Arm64InterruptReport irq : stack.interrupts()) {
                interrupts.put(new Subject.Interrupt(subject(stack), irq.interrupt().slot()), facts(irq));
            }
        }
        return interrupts;
    }

    private static Facts facts(Arm64InterruptReport irq) {
        Facts facts = new Facts();
        vector(facts, "", irq.interrupt());
        message(facts, "stored", irq.stored());
        Arm64Outcome outcome = irq.outcome();
        Optional<Arm64Outcome.Delivered> d = outcome instanceof Arm64Outcome.Delivered x ? Optional.of(x) : Optional.empty();
        facts.word("delivery.outcome", outcome.outcome())
                .word("delivery.kernel", d.map(Arm64Outcome.Delivered::kernel))
                .put("delivery.cpu", d.map(x -> Value.number(x.cpu())).orElse(Value.absent()))
                .word("delivery.mpidr", d.map(x -> x.mpidr().toString()))
                .put("delivery.intid", d.map(x -> Value.number(x.intid()))
                        .orElse(outcome instanceof Arm64Outcome.Unowned u ? Value.number(u.raised().intid()) : Value.absent()))
                .put("delivery.virq", d.map(x -> Value.number(x.virq())).orElse(Value.absent()))
                .word("delivery.route", d.map(x -> x.route().keyword()))
                .word("delivery.unit", outcome instanceof Arm64Outcome.Ignored i ? Optional.of(i.unit())
                        : outcome instanceof Arm64Outcome.Unowned u ? Optional.of(u.unit()) : Optional.empty())
                .word("delivery.ignore_reason", outcome instanceof Arm64Outcome.Ignored i
                        ? Optional.of(i.reason().word()) : Optional.empty())
                .word("delivery.address", outcome instanceof Arm64Outcome.SmmuFault f
                        ? Optional.of("0x" + Hex.of(f.address(), 16)) : Optional.empty());
        Optional<HostBacking> host = irq.host();
        if (host.isPresent()) {
            vector(facts, "host.", host.get().host());
            facts.flag("host.vlpi", host.get().vlpi());
        }
        return facts.word("not_sent_reason", outcome instanceof Arm64Outcome.NotSentAtAll n
                ? Optional.of(n.reason().keyword()) : Optional.empty());
    }

    private static void vector(Facts facts, String prefix, ArmVector v) {
        facts.number(prefix + "virq", v.virq())
                .number(prefix + "cpu", v.cpu())
                .word(prefix + "mpidr", v.mpidr().toString())
                .number(prefix + "intid", v.intid())
                .word(prefix + "kind", v.kind())
                .word(prefix + "unit", v.unit())
                .number(prefix + "device_id", v.deviceId())
                .number(prefix + "event_id", v.eventId());
        message(facts, prefix + "composed", Optional.of(v.composed()));
    }

    private static void message(Facts facts, String name, Optional<Message> message) {
        facts.word(name + ".address", message.map(Message::addressHex))
                .word(name + ".data", message.map(Message::dataHex));
    }

    /** The findings in the report's order; the counterexample is shown, never compared. */
    static Map<Subject.Breach, Facts> findings(Arm64IsolationReport report) {
        Map<Subject.Breach, Facts> findings = new LinkedHashMap<>();
        for (Arm64Finding f : report.findings()) {
            findings.put(Subject.Breach.of(f), new Facts()
                    .word("message.address", f.message().addressHex())
                    .word("message.data", f.message().dataHex())
                    .word("requester_id", f.requesterId().toString())
                    .word("unit", f.unit())
                    .number("device_id", f.deviceId())
                    .number("intid", f.intid()));
        }
        return findings;
    }

    static Map<Subject.Assignment, Facts> assignments(Arm64IsolationReport report) {
        Map<Subject.Assignment, Facts> assignments = new LinkedHashMap<>();
        for (Arm64Assignment a : report.assignments()) {
            assignments.put(new Subject.Assignment(a.guest(), a.device()), new Facts()
                    .flag("linux_isolated_msi", a.linuxIsolatedMsi())
                    .flag("vfio_group_viable", a.vfioGroupViable())
                    .flag("isolated", a.isolated())
                    .word("controller", a.controller())
                    .number("device_id", a.deviceId())
                    .flag("smmu", a.smmu()));
        }
        return assignments;
    }
}
