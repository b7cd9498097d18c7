package dev.irqtopo.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irqtopo.runtime.arm64.Arm64Outcome;
import dev.irqtopo.runtime.arm64.Arm64StackResult;
import dev.irqtopo.runtime.arm64.ArmVector;
import dev.irqtopo.runtime.arm64.HostBacking;
import dev.irqtopo.runtime.arm64.isolation.Arm64Assignment;
import dev.irqtopo.runtime.arm64.isolation.Arm64Finding;
import dev.irqtopo.runtime.arm64.isolation.Arm64IsolationReport;
import dev.irqtopo.runtime.arm64.sim.Arm64InterruptReport;
import dev.irqtopo.runtime.arm64.sim.Arm64SimulationReport;
import dev.irqtopo.runtime.arm64.sim.Arm64StackReport;
import dev.irqtopo.runtime.message.Hex;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The JSON of {@code simulate --json} and {@code verify --json} for an arm64 platform: the x86 shape
 * where a field carries over (same keys, same order, same value forms), {@code "architecture": "arm64"}
 * after {@code platform}, and arm64 fields where x86 ones do not apply (INTID and MPIDR in place of
 * vector and APIC ID, the controller, DeviceID and EventID, the outcome's ignore reason). The README
 * lists every key.
 */
public final class Arm64Json {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Arm64Json() {
    }

    public static ArrayNode simulation(List<Arm64SimulationReport> reports) {
        return PlatformJson.perPlatform(reports, "arm64", Arm64SimulationReport::platform, (report, platform) -> {
            ArrayNode stacks = platform.putArray("stacks");
            report.stacks().forEach(s -> stacks.add(stack(s)));
        });
    }

    public static ArrayNode verification(List<Arm64IsolationReport> reports) {
        return PlatformJson.perPlatform(reports, "arm64", Arm64IsolationReport::platform, (report, platform) ->
                PlatformJson.verdict(platform, report.isolated(), report.findings(), Arm64Json::finding,
                        report.assignments(), Arm64Json::assignment));
    }

    private static ObjectNode stack(Arm64StackReport report) {
        Arm64StackResult stack = report.stack();
        ObjectNode node = PlatformJson.stack(stack.kernel(), stack.device(), stack.storage(), stack.chain(), stack.errno());
        node.put("unit", stack.unit());
        putLong(node, "device_id", stack.deviceId());
        node.put("trapped", stack.trapped());
        ArrayNode interrupts = node.putArray("interrupts");
        report.interrupts().forEach(i -> interrupts.add(interrupt(i)));
        return node;
    }

    private static ObjectNode interrupt(Arm64InterruptReport irq) {
        ArmVector v = irq.interrupt();
        ObjectNode node = NODES.objectNode();
        node.put("slot", v.slot());
        vector(node, v);
        node.set("stored", ReportJson.message(irq.stored()));
        node.set("delivery", outcome(irq.outcome()));
        node.set("host", irq.host().<JsonNode>map(Arm64Json::host).orElse(NODES.nullNode()));
        node.put("not_sent_reason", irq.outcome() instanceof Arm64Outcome.NotSentAtAll n ? n.reason().keyword() : null);
        return node;
    }

    /** {@code virq, cpu, mpidr, intid, kind, unit, device_id, event_id, composed}: one kernel's view of an interrupt. */
    private static void vector(ObjectNode node, ArmVector v) {
        node.put("virq", v.virq());
        node.put("cpu", v.cpu());
        node.put("mpidr", v.mpidr().toString());
        node.put("intid", v.intid());
        node.put("kind", v.kind());
        node.put("unit", v.unit());
        putLong(node, "device_id", v.deviceId());
        putLong(node, "event_id", v.eventId());
        node.set("composed", ReportJson.message(Optional.of(v.composed())));
    }

    private static ObjectNode host(HostBacking backing) {
        ObjectNode node = NODES.objectNode();
        vector(node, backing.host());
        node.put("vlpi", backing.vlpi());
        return node;
    }

    /** {@code outcome, kernel, cpu, mpidr, intid, virq, route, unit, ignore_reason, address}; what it does not name is null. */
    static ObjectNode outcome(Arm64Outcome outcome) {
        ObjectNode node = NODES.objectNode();
        node.put("outcome", outcome.outcome());
        Optional<Arm64Outcome.Delivered> d = outcome instanceof Arm64Outcome.Delivered x ? Optional.of(x) : Optional.empty();
        node.put("kernel", d.map(Arm64Outcome.Delivered::kernel).orElse(null));
        putInt(node, "cpu", d.map(Arm64Outcome.Delivered::cpu));
        node.put("mpidr", d.map(x -> x.mpidr().toString()).orElse(null));
        Optional<Integer> intid = d.map(Arm64Outcome.Delivered::intid);
        if (outcome instanceof Arm64Outcome.Unowned u) {
            intid = Optional.of(u.raised().intid());
        }
        putInt(node, "intid", intid);
        putInt(node, "virq", d.map(Arm64Outcome.Delivered::virq));
        node.put("route", d.map(x -> x.route().keyword()).orElse(null));
        String unit = outcome instanceof Arm64Outcome.Ignored i ? i.unit()
                : outcome instanceof Arm64Outcome.Unowned u ? u.unit() : null;
        node.put("unit", unit);
        node.put("ignore_reason", outcome instanceof Arm64Outcome.Ignored i ? i.reason().word() : null);
        node.put("address", outcome instanceof Arm64Outcome.SmmuFault f ? "0x" + Hex.of(f.address(), 16) : null);
        return node;
    }

    private static ObjectNode finding(Arm64Finding finding) {
        ObjectNode node = NODES.objectNode();
        node.put("guest", finding.guest());
        node.put("device", finding.device());
        node.put("means", finding.means());
        node.put("victim", finding.victim());
        node.put("class", finding.findingClass().keyword());
        node.set("message", ReportJson.message(Optional.of(finding.message())));
        node.put("requester_id", finding.requesterId().toString());
        ArrayNode path = node.putArray("path");
        finding.path().forEach(path::add);
        node.put("unit", finding.unit());
        putLong(node, "device_id", finding.deviceId());
        node.put("intid", finding.intid());
        return node;
    }

    private static ObjectNode assignment(Arm64Assignment a) {
        ObjectNode node = NODES.objectNode();
        node.put("guest", a.guest());
        node.put("device", a.device());
        node.put("linux_isolated_msi", a.linuxIsolatedMsi());
        node.put("vfio_group_viable", a.vfioGroupViable());
        node.put("isolated", a.isolated());
        node.put("controller", a.controller().orElse(null));
        putLong(node, "device_id", a.deviceId());
        node.put("smmu", a.smmu());
        return node;
    }

    private static void putLong(ObjectNode node, String key, OptionalLong value) {
        if (value.isPresent()) {
            node.put(key, value.getAsLong());
        } else {
            node.putNull(key);
        }
    }

    private static void putInt(ObjectNode node, String key, Optional<Integer> value) {
        if (value.isPresent()) {
            node.put(key, value.get().intValue());
        } else {
            node.putNull(key);
        }
    }
}
