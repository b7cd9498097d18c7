package dev.irqtopo.compiler.output;

import java.util.List;

/**
 * What a sync did, each list of paths relative to the output directory with {@code /} separators,
 * sorted.
 *
 * @param written   files created or rewritten because their content changed
 * @param unchanged files that already held exactly the generated content, left untouched
 * @param deleted   files no input produces any more, removed
 */
public record SyncReport(List<String> written, List<String> unchanged, List<String> deleted) {

    public SyncReport {
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        deleted = List.copyOf(deleted);
    }

    /** Whether the directory was changed at all. */
    public boolean changed() {
        return !written.isEmpty() || !deleted.isEmpty();
    }
}
