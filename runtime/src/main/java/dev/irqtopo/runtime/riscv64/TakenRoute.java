package dev.irqtopo.runtime.riscv64;

import java.util.Locale;

/** How an identity that became pending reached the kernel that takes it. */
public enum TakenRoute {
    /** A host identity the host's IMSIC driver handed to a host stack. */
    HOST,
    /** Identity 1 of a host supervisor-level file, or of the guest file behind a vCPU: that kernel's IMSIC driver's IPI. */
    IPI,
    /** Straight into the guest file behind a vCPU: the guest's own identity. */
    GUEST_FILE,
    /** A host identity backing a trapped guest vector; KVM injected the guest's message into its guest file. */
    IRQFD,
    /** The notice MSI of an MRIF: KVM's identity for the vCPU whose MRIF was written. */
    NOTICE,
    /** Pending in a file where no handler takes that identity. */
    UNOWNED;

    /** {@code host}, {@code guest_file}, …: the word reports and JSON use. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
