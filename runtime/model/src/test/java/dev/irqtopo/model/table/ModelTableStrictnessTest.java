package dev.irqtopo.model.table;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.irqtopo.model.PlatformModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The model table is read strictly: a field too many on any record is refused, naming the line and
 * the field, so that a table written by another version never decodes into a different model.
 */
class ModelTableStrictnessTest {

    @Test
    void aFieldTooManyOnAnyRecordIsRefusedWithItsLineNumber() {
        Set<String> kinds = new TreeSet<>();
        for (PlatformModel model : List.of(ModelTableTest.imsInGuest(), ModelTableTest.bridged())) {
            String text = ModelTable.encode(model);
            assertThat(ModelTable.decode(text)).isEqualTo(model);
            List<String> lines = List.of(text.split("\n"));
            for (int i = 1; i < lines.size(); i++) {
                List<String> changed = new ArrayList<>(lines);
                changed.set(i, lines.get(i) + " extra");
                String bad = String.join("\n", changed) + "\n";
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelTable.decode(bad),
                        "line " + (i + 1) + ": " + lines.get(i));
                assertThat(e).hasMessageThat().isEqualTo("model table line " + (i + 1) + ": unexpected 'extra'");
                kinds.add(lines.get(i).split(" ", 2)[0]);
            }
        }
        assertThat(kinds).containsAtLeast("platform", "expect", "cpu", "iommu", "hypervisor", "bus", "bridge", "device",
                "stack", "host", "guest", "end");
    }

    @Test
    void aMissingRecordIsNamedWithTheLineWhereItWasExpected() {
        String text = ModelTable.encode(ModelTableTest.imsInGuest());
        List<String> lines = List.of(text.split("\n"));
        int cpu = lines.indexOf(lines.stream().filter(l -> l.startsWith("cpu ")).findFirst().orElseThrow());
        List<String> changed = new ArrayList<>(lines);
        changed.remove(cpu);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelTable.decode(String.join("\n", changed) + "\n"));
        assertThat(e).hasMessageThat().startsWith("model table line " + (cpu + 1) + ": expected cpu, found '");
    }
}
