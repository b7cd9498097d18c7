package dev.irqtopo.model.riscv;

import java.util.Comparator;
import java.util.Objects;

/**
 * One IMSIC interrupt file: hart {@code hart}'s machine-level or supervisor-level file, or its guest
 * file {@code guest} (1..GEILEN; the AIA numbers guest files from 1, as guest external interrupts).
 */
public record InterruptFile(int hart, FileLevel level, int guest) implements Comparable<InterruptFile> {

    private static final Comparator<InterruptFile> ORDER = Comparator.comparingInt(InterruptFile::hart)
            .thenComparing(InterruptFile::level).thenComparingInt(InterruptFile::guest);

    public InterruptFile {
        Objects.requireNonNull(level);
        if (hart < 0) {
            throw new IllegalArgumentException("hart " + hart);
        }
        if (level == FileLevel.GUEST ? guest < 1 || guest > ImsicGeometry.MAX_GUEST_FILES : guest != 0) {
            throw new IllegalArgumentException("guest number " + guest + " for a " + level.word() + " file");
        }
    }

    public static InterruptFile machine(int hart) {
        return new InterruptFile(hart, FileLevel.MACHINE, 0);
    }

    public static InterruptFile supervisor(int hart) {
        return new InterruptFile(hart, FileLevel.SUPERVISOR, 0);
    }

    public static InterruptFile guest(int hart, int guest) {
        return new InterruptFile(hart, FileLevel.GUEST, guest);
    }

    /** {@code hart3.machine}, {@code hart3.supervisor}, {@code hart3.guest2}: a stable name for reports. */
    public String word() {
        return "hart" + hart + "." + level.word() + (level == FileLevel.GUEST ? String.valueOf(guest) : "");
    }

    @Override
    public int compareTo(InterruptFile other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return word();
    }
}
