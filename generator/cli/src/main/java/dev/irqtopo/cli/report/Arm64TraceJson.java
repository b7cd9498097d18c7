package dev.irqtopo.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irqtopo.runtime.arm64.sim.Arm64TraceReport;
import java.util.List;
import java.util.Optional;

/**
 * The JSON of {@code trace --json} for an arm64 platform: the x86 keys ({@code platform}, {@code device},
 * {@code requester_id}, {@code message}, {@code steps}, {@code delivery}) with {@code "architecture":
 * "arm64"} after {@code platform}, and {@code delivery} exactly the delivery object of arm64
 * {@code simulate --json}.
 */
public final class Arm64TraceJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Arm64TraceJson() {
    }

    public static ArrayNode traces(List<Arm64TraceReport> reports) {
        ArrayNode array = NODES.arrayNode();
        for (Arm64TraceReport report : reports) {
            ObjectNode node = array.addObject();
            node.put("platform", report.platform());
            node.put("architecture", "arm64");
            node.put("device", report.device());
            node.put("requester_id", report.requesterId().toString());
            node.set("message", ReportJson.message(Optional.of(report.message())));
            ArrayNode steps = node.putArray("steps");
            report.steps().forEach(steps::add);
            node.set("delivery", Arm64Json.outcome(report.outcome()));
        }
        return array;
    }
}
