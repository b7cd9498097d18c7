package dev.irqtopo.cli.explain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One stack explained: the boundary diagram's labels, the domain doing each step under each part
 * ({@code ""} where none does), and what a trap or a hypercall does for this stack, in sentences.
 *
 * @param title  {@code host: stack nic.msix: vector -> remap dmar0 -> msix alloc 4}
 * @param labels one per {@link Part}: {@code [CPU]}, {@code [IOMMU dmar0]}, {@code [Bridge]}, …
 */
public record StackExplanation(String title, Map<Part, String> labels, Map<Step, Map<Part, String>> cells,
                               List<String> notes) {

    public StackExplanation {
        Objects.requireNonNull(title);
        labels = Map.copyOf(labels);
        EnumMap<Step, Map<Part, String>> copy = new EnumMap<>(Step.class);
        for (Step step : Step.values()) {
            copy.put(step, Map.copyOf(cells.getOrDefault(step, Map.of())));
        }
        cells = Map.copyOf(copy);
        notes = List.copyOf(notes);
        for (Part part : Part.values()) {
            if (!labels.containsKey(part)) {
                throw new IllegalArgumentException("no label for " + part);
            }
        }
    }

    /** The cell of one step under one part, {@code ""} when no domain does the step there. */
    public String cell(Step step, Part part) {
        return cells.get(step).getOrDefault(part, "");
    }
}
