package dev.irqtopo.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.runtime.message.Errno;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The parts of the arm64 and riscv64 JSON that are the same shape: one object per platform opening with
 * {@code platform} and {@code architecture}, a verdict's {@code isolated}, {@code findings} and
 * {@code assignments}, and the keys that open every stack.
 */
final class PlatformJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PlatformJson() {
    }

    /** One object per report, each opening with its platform's name and {@code architecture}, then {@code body}'s keys. */
    static <R> ArrayNode perPlatform(List<R> reports, String architecture, Function<R, String> platform,
                                     BiConsumer<R, ObjectNode> body) {
        ArrayNode array = NODES.arrayNode();
        for (R report : reports) {
            ObjectNode node = array.addObject();
            node.put("platform", platform.apply(report));
            node.put("architecture", architecture);
            body.accept(report, node);
        }
        return array;
    }

    /** A verdict's keys: {@code isolated}, then every finding and every assignment as their writers give them. */
    static <F, A> void verdict(ObjectNode node, boolean isolated, List<F> findings, Function<F, ObjectNode> finding,
                               List<A> assignments, Function<A, ObjectNode> assignment) {
        node.put("isolated", isolated);
        ArrayNode findingNodes = node.putArray("findings");
        findings.forEach(f -> findingNodes.add(finding.apply(f)));
        ArrayNode assignmentNodes = node.putArray("assignments");
        assignments.forEach(a -> assignmentNodes.add(assignment.apply(a)));
    }

    /** The keys every stack opens with: {@code kernel}, {@code device}, {@code storage}, {@code chain}, {@code created}, {@code errno}. */
    static ObjectNode stack(String kernel, String device, StorageKind storage, List<String> chain, Optional<Errno> errno) {
        ObjectNode node = NODES.objectNode();
        node.put("kernel", kernel);
        node.put("device", device);
        node.put("storage", storage.busDomain().keyword());
        ArrayNode chainNode = node.putArray("chain");
        chain.forEach(chainNode::add);
        node.put("created", true);
        node.put("errno", errno.map(Enum::name).orElse(null));
        return node;
    }
}
