package dev.irqtopo.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irqtopo.runtime.diff.DesignDiff;
import dev.irqtopo.runtime.diff.Difference;
import dev.irqtopo.runtime.diff.FieldChange;
import dev.irqtopo.runtime.diff.PlatformDifference;
import dev.irqtopo.runtime.diff.Subject;
import dev.irqtopo.runtime.diff.Value;
import java.util.List;

/**
 * The stable JSON of {@code diff --json}: {@code differs}, then one object per platform in the new
 * design's order, then those only the old one has. A difference names its subject in the keys of the
 * report it comes from, then its {@code change} and its {@code fields}, each {@code {"field", "old",
 * "new"}} with the values typed as those reports type them and null for none.
 */
public final class DiffJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DiffJson() {
    }

    public static ObjectNode diff(DesignDiff diff) {
        ObjectNode root = NODES.objectNode();
        root.put("differs", diff.differs());
        ArrayNode platforms = root.putArray("platforms");
        for (PlatformDifference platform : diff.platforms()) {
            platforms.add(platform(platform));
        }
        return root;
    }

    private static ObjectNode platform(PlatformDifference platform) {
        ObjectNode node = NODES.objectNode();
        node.put("platform", platform.platform());
        if (platform instanceof PlatformDifference.Added) {
            node.put("change", "added");
        } else if (platform instanceof PlatformDifference.Removed) {
            node.put("change", "removed");
        } else if (platform instanceof PlatformDifference.Compared compared) {
            node.put("change", compared.differs() ? "changed" : "unchanged");
            node.set("declarations", differences(compared.declarations()));
            node.set("stacks", differences(compared.stacks()));
            node.set("interrupts", differences(compared.interrupts()));
            ObjectNode isolated = node.putObject("isolated");
            isolated.put("old", compared.wasIsolated());
            isolated.put("new", compared.isIsolated());
            node.set("findings", differences(compared.findings()));
            node.set("assignments", differences(compared.assignments()));
        }
        return node;
    }

    private static <S extends Subject> ArrayNode differences(List<Difference<S>> differences) {
        ArrayNode array = NODES.arrayNode();
        for (Difference<S> difference : differences) {
            ObjectNode node = array.addObject();
            subject(difference.subject(), node);
            node.put("change", difference.change().keyword());
            ArrayNode fields = node.putArray("fields");
            for (FieldChange field : difference.fields()) {
                ObjectNode f = fields.addObject();
                f.put("field", field.field());
                f.set("old", value(field.old()));
                f.set("new", value(field.now()));
            }
        }
        return array;
    }

    /** The subject's keys, named as {@code simulate} and {@code verify} name them. */
    private static void subject(Subject subject, ObjectNode node) {
        if (subject instanceof Subject.Declaration d) {
            node.put("part", d.part().keyword());
            node.put("name", d.name().orElse(null));
        } else if (subject instanceof Subject.Stack s) {
            stack(s, node);
        } else if (subject instanceof Subject.Interrupt i) {
            stack(i.stack(), node);
            node.put("slot", i.slot());
        } else if (subject instanceof Subject.Breach b) {
            node.put("guest", b.guest());
            node.put("device", b.device());
            node.put("means", b.means());
            node.put("victim", b.victim());
            node.put("class", b.findingClass());
        } else if (subject instanceof Subject.Assignment a) {
            node.put("guest", a.guest());
            node.put("device", a.device());
        }
    }

    private static void stack(Subject.Stack stack, ObjectNode node) {
        node.put("kernel", stack.kernel());
        node.put("device", stack.device());
        node.put("storage", stack.storage().keyword());
    }

    private static JsonNode value(Value value) {
        if (value instanceof Value.Number n) {
            return NODES.numberNode(n.value());
        }
        if (value instanceof Value.Word w) {
            return NODES.textNode(w.word());
        }
        if (value instanceof Value.Flag f) {
            return NODES.booleanNode(f.flag());
        }
        return NODES.nullNode();
    }
}
