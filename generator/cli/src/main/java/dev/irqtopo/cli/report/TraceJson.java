package dev.irqtopo.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irqtopo.runtime.sim.TraceReport;
import java.util.List;
import java.util.Optional;

/**
 * The JSON of {@code trace --json}: an array with one object per platform traced, {@code platform},
 * {@code device}, {@code requester_id} (the one the IOMMU sees), {@code message}, {@code steps} and
 * {@code delivery}, the last exactly §8's delivery object as {@code simulate} prints it.
 */
public final class TraceJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TraceJson() {
    }

    public static ArrayNode traces(List<TraceReport> reports) {
        ArrayNode array = NODES.arrayNode();
        for (TraceReport report : reports) {
            ObjectNode node = array.addObject();
            node.put("platform", report.platform());
            node.put("device", report.device());
            node.put("requester_id", report.requesterId().toString());
            node.set("message", ReportJson.message(Optional.of(report.message())));
            ArrayNode steps = node.putArray("steps");
            report.steps().forEach(steps::add);
            node.set("delivery", ReportJson.delivery(report.delivery()));
        }
        return array;
    }
}
