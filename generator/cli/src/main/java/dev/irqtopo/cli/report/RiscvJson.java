package dev.irqtopo.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irqtopo.runtime.imsic.ImsicWrite;
import dev.irqtopo.runtime.message.Hex;
import dev.irqtopo.runtime.riommu.DeviceWrite;
import dev.irqtopo.runtime.riscv64.RiscvOutcome;
import dev.irqtopo.runtime.riscv64.RiscvStackResult;
import dev.irqtopo.runtime.riscv64.RiscvVector;
import dev.irqtopo.runtime.riscv64.Taken;
import dev.irqtopo.runtime.riscv64.isolation.RiscvAssignment;
import dev.irqtopo.runtime.riscv64.isolation.RiscvFinding;
import dev.irqtopo.runtime.riscv64.isolation.RiscvIsolationReport;
import dev.irqtopo.runtime.riscv64.sim.RiscvInterruptReport;
import dev.irqtopo.runtime.riscv64.sim.RiscvSimulationReport;
import dev.irqtopo.runtime.riscv64.sim.RiscvStackReport;
import java.util.List;
import java.util.Optional;

/**
 * The JSON of {@code simulate --json} and {@code verify --json} for a riscv64 platform: the x86 shape
 * where a field carries over (same keys, same order, same value forms), {@code "architecture":
 * "riscv64"} after {@code platform}, and RISC-V fields where x86 ones do not apply (interrupt file and
 * identity in place of vector and APIC ID, the device context's MSI translation, the IOMMU's outcome
 * and the IMSIC's). The README lists every key.
 */
public final class RiscvJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RiscvJson() {
    }

    public static ArrayNode simulation(List<RiscvSimulationReport> reports) {
        return PlatformJson.perPlatform(reports, "riscv64", RiscvSimulationReport::platform, (report, platform) -> {
            platform.put("harts", report.harts());
            ArrayNode stacks = platform.putArray("stacks");
            report.stacks().forEach(s -> stacks.add(stack(s)));
        });
    }

    public static ArrayNode verification(List<RiscvIsolationReport> reports) {
        return PlatformJson.perPlatform(reports, "riscv64", RiscvIsolationReport::platform, (report, platform) ->
                PlatformJson.verdict(platform, report.isolated(), report.findings(), RiscvJson::finding,
                        report.assignments(), RiscvJson::assignment));
    }

    private static ObjectNode stack(RiscvStackReport report) {
        RiscvStackResult stack = report.stack();
        ObjectNode node = PlatformJson.stack(stack.kernel(), stack.device(), stack.storage(), stack.chain(), stack.errno());
        node.put("msi", stack.msi());
        node.put("trapped", stack.trapped());
        ArrayNode interrupts = node.putArray("interrupts");
        report.interrupts().forEach(i -> interrupts.add(interrupt(i)));
        return node;
    }

    private static ObjectNode interrupt(RiscvInterruptReport irq) {
        ObjectNode node = NODES.objectNode();
        node.put("slot", irq.interrupt().slot());
        vector(node, irq.interrupt());
        node.set("stored", ReportJson.message(irq.stored()));
        node.set("delivery", outcome(irq.outcome()));
        node.set("host", irq.host().<JsonNode>map(h -> vector(NODES.objectNode(), h)).orElse(NODES.nullNode()));
        node.put("not_sent_reason", irq.outcome() instanceof RiscvOutcome.NotSentAtAll n ? n.reason().keyword() : null);
        return node;
    }

    /** {@code virq, cpu, file, identity, composed}: one kernel's view of an interrupt. */
    private static ObjectNode vector(ObjectNode node, RiscvVector v) {
        node.put("virq", v.virq());
        node.put("cpu", v.cpu());
        node.put("file", v.file().word());
        node.put("identity", v.identity());
        node.set("composed", ReportJson.message(Optional.of(v.composed())));
        return node;
    }

    /**
     * {@code outcome, route, address, file, identity, ignore_reason, mrif, fault, discard_reason, taken}:
     * the device write (route and physical address when it went on), what the IMSIC did (for an MRIF, its
     * notice), and who took the identity; what it does not name is null.
     */
    static ObjectNode outcome(RiscvOutcome outcome) {
        ObjectNode node = NODES.objectNode();
        node.put("outcome", outcome.outcome());
        Optional<DeviceWrite> write = outcome instanceof RiscvOutcome.Written w ? Optional.of(w.write()) : Optional.empty();
        DeviceWrite.Onward onward = write.orElse(null) instanceof DeviceWrite.Onward o ? o : null;
        DeviceWrite.MrifRecorded recorded = write.orElse(null) instanceof DeviceWrite.MrifRecorded m ? m : null;
        node.put("route", onward == null ? null : onward.route().word());
        node.put("address", onward == null ? null : "0x" + Hex.of(onward.address(), 16));
        ImsicWrite effect = onward != null ? onward.effect() : recorded != null ? recorded.notice() : null;
        node.put("file", effect == null ? null : effect.file().map(f -> f.word()).orElse(null));
        Integer identity = effect instanceof ImsicWrite.Pending p ? Integer.valueOf(p.identity())
                : recorded != null ? Integer.valueOf(recorded.identity()) : null;
        if (identity == null) {
            node.putNull("identity");
        } else {
            node.put("identity", identity.intValue());
        }
        node.put("ignore_reason", effect instanceof ImsicWrite.Ignored i ? i.reason().word() : null);
        long mrif = recorded != null ? recorded.mrif()
                : write.orElse(null) instanceof DeviceWrite.MrifDiscarded d ? d.mrif() : -1;
        node.put("mrif", mrif < 0 ? null : "0x" + Hex.of(mrif, 12));
        node.put("fault", write.orElse(null) instanceof DeviceWrite.Faulted f ? f.fault().word() : null);
        node.put("discard_reason", write.orElse(null) instanceof DeviceWrite.MrifDiscarded d ? d.reason().word() : null);
        Optional<Taken> taken = outcome instanceof RiscvOutcome.Written w ? w.taken() : Optional.empty();
        node.set("taken", taken.<JsonNode>map(RiscvJson::taken).orElse(NODES.nullNode()));
        return node;
    }

    /** {@code kernel, cpu, file, identity, virq, route, host_file, host_identity}. */
    private static ObjectNode taken(Taken t) {
        ObjectNode node = NODES.objectNode();
        node.put("kernel", t.kernel());
        node.put("cpu", t.cpu());
        node.put("file", t.file().word());
        node.put("identity", t.identity());
        if (t.virq().isPresent()) {
            node.put("virq", t.virq().getAsInt());
        } else {
            node.putNull("virq");
        }
        node.put("route", t.route().word());
        node.put("host_file", t.host().map(h -> h.file().word()).orElse(null));
        if (t.host().isPresent()) {
            node.put("host_identity", t.host().get().identity());
        } else {
            node.putNull("host_identity");
        }
        return node;
    }

    private static ObjectNode finding(RiscvFinding finding) {
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
        node.put("target", finding.target());
        node.put("identity", finding.identity());
        node.put("route", finding.route());
        return node;
    }

    private static ObjectNode assignment(RiscvAssignment a) {
        ObjectNode node = NODES.objectNode();
        node.put("guest", a.guest());
        node.put("device", a.device());
        node.put("linux_isolated_msi", a.linuxIsolatedMsi());
        node.put("irqbypass_isolated_msi", a.irqbypassIsolatedMsi());
        node.put("isolated", a.isolated());
        node.put("iommu", a.iommu().orElse(null));
        node.put("msi", a.msi());
        node.put("context_owner", a.contextOwner());
        ArrayNode reaches = node.putArray("reaches");
        a.reaches().forEach(reaches::add);
        return node;
    }
}
