package dev.irqtopo.cli.explain;

import dev.irqtopo.model.PlatformModel;
import java.util.List;

/**
 * {@code irqtopo explain} as aligned text: per stack, the boundary diagram, one row per step naming
 * the domain under each part, then what a trap or a hypercall does; then, per device assigned to a
 * guest, what the guest can make it emit and what stops it, one labelled row each.
 */
public final class ExplainText {

    private static final String LINK = " -- ";
    private static final String INDENT = "  ";
    private static final int NOTE_WIDTH = 100;

    private ExplainText() {
    }

    public static String render(List<PlatformModel> platforms) {
        StringBuilder out = new StringBuilder();
        for (PlatformModel platform : platforms) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append("platform ").append(platform.name()).append('\n');
            List<StackExplanation> stacks = Explainer.explain(platform);
            if (stacks.isEmpty()) {
                out.append('\n').append(INDENT).append("no stacks: no kernel allocates an interrupt\n");
            }
            for (StackExplanation stack : stacks) {
                out.append('\n');
                render(stack, out);
            }
            for (DmaPath path : DmaPaths.explain(platform)) {
                out.append('\n');
                render(path, out);
            }
        }
        return out.toString();
    }

    static void render(StackExplanation stack, StringBuilder out) {
        out.append(stack.title()).append('\n');
        int stepWidth = 0;
        for (Step step : Step.values()) {
            stepWidth = Math.max(stepWidth, step.title().length());
        }
        Part[] parts = Part.values();
        int[] widths = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            widths[i] = stack.labels().get(parts[i]).length();
            for (Step step : Step.values()) {
                widths[i] = Math.max(widths[i], stack.cell(step, parts[i]).length());
            }
        }
        StringBuilder diagram = new StringBuilder(INDENT).append(" ".repeat(stepWidth + 2));
        for (int i = 0; i < parts.length; i++) {
            diagram.append(pad(stack.labels().get(parts[i]), i < parts.length - 1 ? widths[i] : 0));
            if (i < parts.length - 1) {
                diagram.append(LINK);
            }
        }
        out.append(diagram.toString().stripTrailing()).append('\n');
        for (Step step : Step.values()) {
            StringBuilder row = new StringBuilder(INDENT).append(pad(step.title(), stepWidth + 2));
            for (int i = 0; i < parts.length; i++) {
                row.append(pad(stack.cell(step, parts[i]), widths[i]));
                if (i < parts.length - 1) {
                    row.append(" ".repeat(LINK.length()));
                }
            }
            out.append(row.toString().stripTrailing()).append('\n');
        }
        for (String note : stack.notes()) {
            out.append(wrap(note));
        }
    }

    static void render(DmaPath path, StringBuilder out) {
        out.append(path.title()).append('\n');
        int labelWidth = path.rows().stream().mapToInt(r -> r.label().length()).max().orElse(0);
        for (DmaPath.Row row : path.rows()) {
            out.append(wrap(pad(row.label(), labelWidth + 2) + row.text(), INDENT + " ".repeat(labelWidth + 2)));
        }
    }

    static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    /** A note in lines of at most {@link #NOTE_WIDTH} characters, continuation lines indented further. */
    static String wrap(String note) {
        return wrap(note, INDENT + "  ");
    }

    /** Text after {@link #INDENT} in lines of at most {@link #NOTE_WIDTH} characters, continuing at {@code indent}. */
    static String wrap(String note, String indent) {
        StringBuilder out = new StringBuilder(INDENT);
        int lineStart = 0;
        boolean first = true;
        for (String word : note.split(" ")) {
            if (!first && out.length() - lineStart + 1 + word.length() > NOTE_WIDTH) {
                out.append('\n');
                lineStart = out.length();
                out.append(indent);
            } else if (!first) {
                out.append(' ');
            }
            out.append(word);
            first = false;
        }
        return out.append('\n').toString();
    }
}
