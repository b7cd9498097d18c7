package dev.irqtopo.runtime.text;

import java.util.ArrayList;
import java.util.List;

/** Rows of cells printed in left-aligned columns, two spaces apart, with an indent. */
public final class TextTable {

    private final List<List<String>> rows = new ArrayList<>();

    public TextTable row(String... cells) {
        rows.add(List.of(cells));
        return this;
    }

    public void appendTo(StringBuilder out, String indent) {
        List<Integer> widths = new ArrayList<>();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (widths.size() <= i) {
                    widths.add(0);
                }
                widths.set(i, Math.max(widths.get(i), row.get(i).length()));
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < row.size(); i++) {
                line.append(row.get(i));
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths.get(i) - row.get(i).length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
