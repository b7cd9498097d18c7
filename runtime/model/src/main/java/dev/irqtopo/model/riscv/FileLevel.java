package dev.irqtopo.model.riscv;

import java.util.Locale;

/** Which privilege level an interrupt file serves: machine, supervisor, or a guest (a virtual hart). */
public enum FileLevel {
    MACHINE,
    SUPERVISOR,
    GUEST;

    /** {@code machine}, {@code supervisor}, {@code guest}: the word reports and JSON use. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
