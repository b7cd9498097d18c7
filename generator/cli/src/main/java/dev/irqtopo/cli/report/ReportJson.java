package dev.irqtopo.cli.report;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.isolation.Assignment;
import dev.irqtopo.runtime.isolation.Finding;
import dev.irqtopo.runtime.isolation.IsolationReport;
import dev.irqtopo.runtime.sim.DeliveryFields;
import dev.irqtopo.runtime.message.DeliveryMode;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.sim.HostInterrupt;
import dev.irqtopo.runtime.sim.InterruptReport;
import dev.irqtopo.runtime.sim.NotSentReason;
import dev.irqtopo.runtime.sim.BootInterrupt;
import dev.irqtopo.runtime.sim.SimulationReport;
import dev.irqtopo.runtime.sim.StackReport;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The stable JSON of {@code simulate --json} and {@code verify --json} (semantics §8): keys in the
 * documented order, addresses as 16 and data as 8 lower-case hex digits, absent values as null. Each
 * interrupt of {@code simulate} adds, after §8's keys, {@code host} and {@code not_sent_reason}.
 */
public final class ReportJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Two-space indentation, {@code "key": value}, one array element per line. */
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportJson() {
    }

    public static ArrayNode simulation(List<SimulationReport> reports) {
        ArrayNode array = NODES.arrayNode();
        for (SimulationReport report : reports) {
            ObjectNode platform = array.addObject();
            platform.put("platform", report.platform());
            ArrayNode stacks = platform.putArray("stacks");
            for (StackReport stack : report.stacks()) {
                stacks.add(stack(stack));
            }
            if (!report.boot().isEmpty()) {
                ArrayNode boot = platform.putArray("boot");
                for (BootInterrupt irq : report.boot()) {
                    ObjectNode node = boot.addObject();
                    node.put("source", irq.source());
                    node.put("virq", irq.virq());
                    node.put("cpu", irq.cpu());
                    node.put("apic_id", irq.apicId());
                    node.put("vector", irq.vector());
                    if (irq.remapIndex().isPresent()) {
                        node.put("remap_index", irq.remapIndex().getAsInt());
                    } else {
                        node.putNull("remap_index");
                    }
                    node.set("composed", message(Optional.of(irq.composed())));
                }
            }
        }
        return array;
    }

    public static ArrayNode verification(List<IsolationReport> reports) {
        ArrayNode array = NODES.arrayNode();
        for (IsolationReport report : reports) {
            ObjectNode platform = array.addObject();
            platform.put("platform", report.platform());
            platform.put("isolated", report.isolated());
            ArrayNode findings = platform.putArray("findings");
            for (Finding finding : report.findings()) {
                findings.add(finding(finding));
            }
            ArrayNode assignments = platform.putArray("assignments");
            for (Assignment assignment : report.assignments()) {
                assignments.add(assignment(assignment));
            }
        }
        return array;
    }

    /** Two-space indented text with a final newline. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writer(PRINTER).writeValueAsString(node) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serializes", e);
        }
    }

    private static ObjectNode stack(StackReport stack) {
        ObjectNode node = NODES.objectNode();
        node.put("kernel", stack.kernel());
        node.put("device", stack.device());
        node.put("storage", stack.storage().keyword());
        ArrayNode chain = node.putArray("chain");
        stack.chain().forEach(chain::add);
        node.put("created", stack.created());
        node.put("errno", stack.errno().map(Enum::name).orElse(null));
        ArrayNode interrupts = node.putArray("interrupts");
        for (InterruptReport irq : stack.interrupts()) {
            interrupts.add(interrupt(irq));
        }
        return node;
    }

    private static ObjectNode interrupt(InterruptReport irq) {
        ObjectNode node = NODES.objectNode();
        node.put("slot", irq.slot());
        node.put("virq", irq.virq());
        node.put("cpu", irq.cpu());
        node.put("vector", irq.vector());
        putInt(node, "remap_index", irq.remapIndex());
        node.set("composed", message(Optional.of(irq.composed())));
        node.set("stored", message(irq.stored()));
        node.set("delivery", delivery(irq.delivery()));
        node.set("host", irq.host().<JsonNode>map(ReportJson::host).orElse(NODES.nullNode()));
        node.put("not_sent_reason", irq.notSentReason().map(NotSentReason::keyword).orElse(null));
        return node;
    }

    /** The host interrupt behind a kernel's interrupt (an addition to §8's interrupt object). */
    private static ObjectNode host(HostInterrupt host) {
        ObjectNode node = NODES.objectNode();
        node.put("virq", host.virq());
        node.put("cpu", host.cpu());
        node.put("apic_id", host.apicId());
        node.put("vector", host.vector());
        node.put("posted", host.posted());
        return node;
    }

    /** The §8 delivery object, as {@code simulate} prints it and {@code trace} reuses it. */
    static ObjectNode delivery(Delivery delivery) {
        DeliveryFields fields = DeliveryFields.of(delivery);
        ObjectNode node = NODES.objectNode();
        node.put("outcome", delivery.outcome());
        node.put("kernel", fields.kernel().orElse(null));
        putInt(node, "cpu", fields.cpu());
        putInt(node, "vector", fields.vector());
        putInt(node, "virq", fields.virq());
        node.put("fault_reason", fields.faultReason().orElse(null));
        node.put("delivery_mode", fields.mode().map(DeliveryMode::keyword).orElse(null));
        if (delivery instanceof Delivery.Multicast multicast) {
            // an addition to §8: what each host CPU a logical destination named did, in CPU order
            ArrayNode each = node.putArray("deliveries");
            multicast.deliveries().forEach(cpu -> each.add(delivery(cpu)));
        }
        return node;
    }

    private static ObjectNode finding(Finding finding) {
        ObjectNode node = NODES.objectNode();
        node.put("guest", finding.guest());
        node.put("device", finding.device());
        node.put("means", finding.means().keyword());
        node.put("victim", finding.victim());
        node.put("class", finding.findingClass().keyword());
        ArrayNode special = node.putArray("special");
        finding.special().forEach(mode -> special.add(mode.keyword()));
        node.set("message", message(Optional.of(finding.message())));
        node.put("requester_id", finding.requesterId().toString());
        ArrayNode path = node.putArray("path");
        finding.path().forEach(path::add);
        return node;
    }

    private static ObjectNode assignment(Assignment assignment) {
        ObjectNode node = NODES.objectNode();
        node.put("guest", assignment.guest());
        node.put("device", assignment.device());
        node.put("linux_isolated_msi", assignment.linuxIsolatedMsi());
        node.put("vfio_group_viable", assignment.vfioGroupViable());
        node.put("isolated", assignment.isolated());
        return node;
    }

    /** {@code {"address", "data"}} in the §8 hex forms, or null. */
    static JsonNode message(Optional<Message> message) {
        if (message.isEmpty()) {
            return NODES.nullNode();
        }
        ObjectNode node = NODES.objectNode();
        node.put("address", message.get().addressHex());
        node.put("data", message.get().dataHex());
        return node;
    }

    private static void putInt(ObjectNode node, String key, OptionalInt value) {
        if (value.isPresent()) {
            node.put(key, value.getAsInt());
        } else {
            node.putNull(key);
        }
    }
}
