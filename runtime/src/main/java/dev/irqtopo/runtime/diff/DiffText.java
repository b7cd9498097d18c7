package dev.irqtopo.runtime.diff;

import dev.irqtopo.runtime.text.TextTable;
import java.util.List;

/**
 * {@code diff} for people: {@code no differences}, or per platform what differs, each section an aligned
 * table with one row per field that differs, its old value and its new one ({@code -}: none).
 */
public final class DiffText {

    private DiffText() {
    }

    public static String render(DesignDiff diff) {
        if (!diff.differs()) {
            return "no differences\n";
        }
        StringBuilder out = new StringBuilder();
        for (PlatformDifference platform : diff.platforms()) {
            out.append("platform ").append(platform.platform());
            if (platform instanceof PlatformDifference.Added) {
                out.append(": added\n");
            } else if (platform instanceof PlatformDifference.Removed) {
                out.append(": removed\n");
            } else if (platform instanceof PlatformDifference.Compared compared) {
                compared(compared, out);
            }
        }
        return out.toString();
    }

    private static void compared(PlatformDifference.Compared platform, StringBuilder out) {
        if (!platform.differs()) {
            out.append(": no differences\n");
            return;
        }
        out.append('\n');
        section("declarations", platform.declarations(), out);
        section("stacks", platform.stacks(), out);
        section("interrupts", platform.interrupts(), out);
        out.append("  verdict: ").append(platform.wasIsolated() == platform.isIsolated()
                ? verdict(platform.isIsolated()) + ", unchanged"
                : "was " + verdict(platform.wasIsolated()) + ", now " + verdict(platform.isIsolated())).append('\n');
        section("findings", platform.findings(), out);
        section("assignments", platform.assignments(), out);
    }

    private static String verdict(boolean isolated) {
        return isolated ? "isolated" : "BREACH";
    }

    /** A heading and a table whose rows each name a field; a part's subject and change stand on its first row only. */
    private static <S extends Subject> void section(String heading, List<Difference<S>> differences, StringBuilder out) {
        if (differences.isEmpty()) {
            return;
        }
        out.append("  ").append(heading).append('\n');
        TextTable table = new TextTable().row("what", "change", "field", "old", "new");
        for (Difference<S> difference : differences) {
            boolean first = true;
            for (FieldChange field : difference.fields()) {
                table.row(first ? difference.subject().text() : "", first ? difference.change().keyword() : "",
                        field.field(), field.old().text(), field.now().text());
                first = false;
            }
            if (first) {
                // a part added or removed with no field to show
                table.row(difference.subject().text(), difference.change().keyword());
            }
        }
        table.appendTo(out, "    ");
    }
}
