package dev.irqtopo.model;

/**
 * How a kernel names the CPU an interrupt goes to, in the compatibility-format messages it composes and
 * in the remap entries it programs: by APIC ID, or by a logical id that the kernel (xAPIC flat) or the
 * hardware (x2APIC cluster) has put into each CPU's logical destination register.
 */
public enum DestinationMode {
    /** The destination is the target CPU's APIC ID; the destination mode bit is 0. */
    PHYSICAL("physical"),
    /**
     * xAPIC flat logical: CPU n (n below 8) has logical id {@code 1 << n}; a destination names every CPU
     * whose bit it has. The destination mode bit is 1.
     */
    LOGICAL_FLAT("logical flat"),
    /**
     * x2APIC cluster logical: a CPU's logical id is its cluster (APIC ID bits 31:4) in bits 31:16 and
     * one bit, APIC ID bits 3:0, of a 16-bit mask; a destination names the CPUs of its cluster whose
     * bit it has. The destination mode bit is 1.
     */
    LOGICAL_CLUSTER("logical cluster");

    private final String words;

    DestinationMode(String words) {
        this.words = words;
    }

    /** Whether messages and entries in this mode set the destination mode bit (logical). */
    public boolean logical() {
        return this != PHYSICAL;
    }

    /** {@code "physical"}, {@code "logical flat"} or {@code "logical cluster"}. */
    public String words() {
        return words;
    }

    /**
     * The logical id x2APIC hardware derives from an APIC ID: cluster in bits 31:16, and in bits 15:0
     * one bit for the APIC ID's low four bits.
     */
    public static int x2apicLogicalId(int apicId) {
        return (apicId >>> 4) << 16 | 1 << (apicId & 0xF);
    }
}
