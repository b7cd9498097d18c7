package dev.irqtopo.runtime.diff;

import java.util.List;
import java.util.Objects;

/** What differs about one platform, matched by name: it is only in one design, or in both and compared. */
public sealed interface PlatformDifference permits PlatformDifference.Added, PlatformDifference.Removed,
        PlatformDifference.Compared {

    String platform();

    /** Whether anything differs. */
    boolean differs();

    /** A platform only the new design declares. */
    record Added(String platform) implements PlatformDifference {
        public Added {
            Objects.requireNonNull(platform);
        }

        @Override
        public boolean differs() {
            return true;
        }
    }

    /** A platform only the old design declares. */
    record Removed(String platform) implements PlatformDifference {
        public Removed {
            Objects.requireNonNull(platform);
        }

        @Override
        public boolean differs() {
            return true;
        }
    }

    /**
     * A platform both designs declare, run on both sides as {@code simulate} and {@code verify} run it.
     *
     * @param declarations every declaration but the stacks, by part then in the new design's order
     * @param stacks       each stack's declaration and what booting did with it
     * @param interrupts   each interrupt's allocation, messages and delivery
     * @param wasIsolated  the old design's verdict
     * @param isIsolated   the new design's verdict
     * @param findings     the findings added and removed
     * @param assignments  each assignment added, removed, or whose verdicts changed
     */
    record Compared(String platform, List<Difference<Subject.Declaration>> declarations,
                    List<Difference<Subject.Stack>> stacks, List<Difference<Subject.Interrupt>> interrupts,
                    boolean wasIsolated, boolean isIsolated, List<Difference<Subject.Breach>> findings,
                    List<Difference<Subject.Assignment>> assignments) implements PlatformDifference {

        public Compared {
            Objects.requireNonNull(platform);
            declarations = List.copyOf(declarations);
            stacks = List.copyOf(stacks);
            interrupts = List.copyOf(interrupts);
            findings = List.copyOf(findings);
            assignments = List.copyOf(assignments);
            if (findings.stream().anyMatch(f -> f.change() == ChangeKind.CHANGED)) {
                throw new IllegalArgumentException("a finding is added or removed, never changed");
            }
        }

        @Override
        public boolean differs() {
            return !declarations.isEmpty() || !stacks.isEmpty() || !interrupts.isEmpty()
                    || wasIsolated != isIsolated || !findings.isEmpty() || !assignments.isEmpty();
        }
    }
}
