package dev.irqtopo.cli.explain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One arm64 stack's boundary diagram: the parts a message crosses, left (the CPU side) to right (the
 * device), and under each part what it does at each {@link Step}; then notes. Rendered as
 * {@link ExplainText} renders an x86 stack's.
 */
final class Arm64Diagram {

    private static final String LINK = " -- ";
    private static final String INDENT = "  ";

    private final String title;
    private final List<String> parts = new ArrayList<>();
    private final Map<Step, List<String>> cells = new EnumMap<>(Step.class);
    private final List<String> notes = new ArrayList<>();

    Arm64Diagram(String title) {
        this.title = title;
        for (Step step : Step.values()) {
            cells.put(step, new ArrayList<>());
        }
    }

    /** Adds a part with what it does at Alloc, Compose, Store and Use ({@code ""}: nothing). */
    Arm64Diagram part(String label, String alloc, String compose, String store, String use) {
        parts.add(label);
        cells.get(Step.ALLOC).add(alloc);
        cells.get(Step.COMPOSE).add(compose);
        cells.get(Step.STORE).add(store);
        cells.get(Step.USE).add(use);
        return this;
    }

    Arm64Diagram note(String note) {
        notes.add(note);
        return this;
    }

    void render(StringBuilder out) {
        out.append(title).append('\n');
        int stepWidth = 0;
        for (Step step : Step.values()) {
            stepWidth = Math.max(stepWidth, step.title().length());
        }
        int[] widths = new int[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            widths[i] = parts.get(i).length();
            for (Step step : Step.values()) {
                widths[i] = Math.max(widths[i], cells.get(step).get(i).length());
            }
        }
        StringBuilder diagram = new StringBuilder(INDENT).append(" ".repeat(stepWidth + 2));
        for (int i = 0; i < parts.size(); i++) {
            diagram.append(ExplainText.pad(parts.get(i), i < parts.size() - 1 ? widths[i] : 0));
            if (i < parts.size() - 1) {
                diagram.append(LINK);
            }
        }
        out.append(diagram.toString().stripTrailing()).append('\n');
        for (Step step : Step.values()) {
            StringBuilder row = new StringBuilder(INDENT).append(ExplainText.pad(step.title(), stepWidth + 2));
            for (int i = 0; i < parts.size(); i++) {
                row.append(ExplainText.pad(cells.get(step).get(i), widths[i]));
                if (i < parts.size() - 1) {
                    row.append(" ".repeat(LINK.length()));
                }
            }
            out.append(row.toString().stripTrailing()).append('\n');
        }
        notes.forEach(n -> out.append(ExplainText.wrap(n)));
    }
}
