package dev.irqtopo.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irqtopo.runtime.riscv64.sim.RiscvTraceReport;
import java.util.List;
import java.util.Optional;

/**
 * The JSON of {@code trace --json} for a riscv64 platform: the x86 and arm64 keys, {@code "architecture":
 * "riscv64"}, and as {@code delivery} the object riscv64 {@code simulate --json} gives a fired interrupt.
 */
public final class RiscvTraceJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RiscvTraceJson() {
    }

    public static ArrayNode traces(List<RiscvTraceReport> reports) {
        ArrayNode array = NODES.arrayNode();
        for (RiscvTraceReport report : reports) {
            ObjectNode node = array.addObject();
            node.put("platform", report.platform());
            node.put("architecture", "riscv64");
            node.put("device", report.device());
            node.put("requester_id", report.requesterId().toString());
            node.set("message", ReportJson.message(Optional.of(report.message())));
            ArrayNode steps = node.putArray("steps");
            report.steps().forEach(steps::add);
            node.set("delivery", RiscvJson.outcome(report.outcome()));
        }
        return array;
    }
}
