package dev.irqtopo.runtime.message;

/**
 * The Linux error numbers a kernel-like operation of the engine returns, named and numbered as Linux
 * defines them on x86.
 */
public enum Errno {
    /** The caller may not do this, e.g. a guest writing a slot the hypervisor traps. */
    EPERM(1),
    /** No such interrupt, e.g. freeing a virq the stack never handed out. */
    ENOENT(2),
    /** The VT-d remapping table has no free block of the size asked for. */
    ENOMEM(12),
    /** The resource is in use, e.g. a second MSI block on one device. */
    EBUSY(16),
    /** No such device. */
    ENODEV(19),
    /** An argument out of range. */
    EINVAL(22),
    /** No vector, AMD-Vi table entry or storage slot left. */
    ENOSPC(28),
    /** Domain creation refused: the stack needs translation the guest cannot have. */
    EOPNOTSUPP(95);

    private final int number;

    Errno(int number) {
        this.number = number;
    }

    /** The positive errno value (a Linux function returns its negation). */
    public int number() {
        return number;
    }
}
