package dev.irqtopo.runtime.remap;

/** Why a remapping unit blocked an interrupt request, with the code its fault record carries. */
public enum FaultReason {
    /** VT-d 20h: a reserved field of the request is set (sub-handle valid with data bits 31:16 not zero). */
    VTD_RESERVED_FIELD("0x20"),
    /** VT-d 21h: the index is beyond the table's size. */
    VTD_INDEX_BEYOND_TABLE("0x21"),
    /** VT-d 22h: the entry the index selects is not present. */
    VTD_ENTRY_NOT_PRESENT("0x22"),
    /** VT-d 25h: a compatibility-format request while compatibility format is blocked. */
    VTD_COMPAT_BLOCKED("0x25"),
    /** VT-d 26h: the request's requester id fails the entry's source validation. */
    VTD_SOURCE_VALIDATION("0x26"),
    /** AMD-Vi: the index is beyond the device's table or the entry is not remap-enabled. */
    AMDVI_IO_PAGE_FAULT("IO_PAGE_FAULT"),
    /**
     * AMD-Vi: a message type the device table entry does not let through: NMI, INIT and ExtINT without
     * their pass bits (which Linux leaves clear), SMI and the reserved types.
     */
    AMDVI_INVALID_DEVICE_REQUEST("INVALID_DEVICE_REQUEST");

    private final String code;

    FaultReason(String code) {
        this.code = code;
    }

    /** {@code "0x26"} for VT-d, the event name {@code "IO_PAGE_FAULT"} for AMD-Vi. */
    public String code() {
        return code;
    }
}
