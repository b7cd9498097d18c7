package dev.irqtopo.runtime.remap;

/** How a message a device emits got past the remapping unit (or past none) to a CPU or posted descriptor. */
public enum Passage {
    /** No remapping unit translates the device: compatibility format goes straight to the CPUs. */
    NO_REMAPPING,
    /** A VT-d unit in xAPIC mode with {@code compat allowed} let compatibility format pass. */
    COMPATIBILITY_FORMAT,
    /** Through an entry that validates no source (SVT 00), bound to another requester id. */
    SOURCE_UNCHECKED,
    /** Through an entry that validates the bus only (SVT 10), bound to another requester id on that bus. */
    SOURCE_BUS_ONLY,
    /** Through an entry, or an AMD-Vi table, bound to the very requester id the IOMMU sees from the device. */
    SAME_REQUESTER_ID
}
