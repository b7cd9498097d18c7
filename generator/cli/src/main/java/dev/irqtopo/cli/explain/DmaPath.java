package dev.irqtopo.cli.explain;

import java.util.List;
import java.util.Objects;

/**
 * One device assigned to a guest, from the attacker's side (semantics §7): what the guest can make it
 * emit, the requester id the IOMMU sees on it, and what stands in the way, one labelled row each.
 *
 * @param title {@code vm0: assigned nicvf, function 03:00.1}
 * @param rows  in the order they are printed
 */
public record DmaPath(String title, List<Row> rows) {

    public DmaPath {
        Objects.requireNonNull(title);
        rows = List.copyOf(rows);
    }

    /** A row's text by its label; {@code ""} when the path has no such row. */
    public String row(String label) {
        return rows.stream().filter(r -> r.label().equals(label)).map(Row::text).findFirst().orElse("");
    }

    /** {@code emits}, {@code seen as}, {@code stopped by}, …: a short label and a sentence. */
    public record Row(String label, String text) {
        public Row {
            Objects.requireNonNull(label);
            Objects.requireNonNull(text);
        }
    }
}
