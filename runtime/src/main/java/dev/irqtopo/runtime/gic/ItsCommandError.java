package dev.irqtopo.runtime.gic;

/**
 * Why the ITS refused a command, with the error encoding Linux defines for it (the {@code E_ITS_*}
 * values of arm-gic-v3.h) and a stable word for reports. The checks and their order are those of KVM's
 * emulated ITS (arch/arm64/kvm/vgic/vgic-its.c), the one ITS whose command errors software sees: a
 * physical ITS reports an error only through its stall and SWERR state, which Linux's driver does not read.
 */
public enum ItsCommandError {
    /** MAPD: the DeviceID does not fit the ITS's DeviceID bits. */
    MAPD_DEVICE_OUT_OF_RANGE(0x010801),
    /** MAPD: the ITT would cover more EventID bits than the ITS implements. */
    MAPD_ITT_SIZE_OUT_OF_RANGE(0x010802),
    /** MAPC: the target is not a CPU of the platform. */
    MAPC_PROCESSOR_OUT_OF_RANGE(0x010902),
    /** MAPC: the collection id does not fit 16 bits. */
    MAPC_COLLECTION_OUT_OF_RANGE(0x010903),
    /** MAPTI: the DeviceID has no ITT. */
    MAPTI_UNMAPPED_DEVICE(0x010a04),
    /** MAPTI: the EventID is outside the ITT's range. */
    MAPTI_EVENT_OUT_OF_RANGE(0x010a05),
    /** MAPTI: the LPI is below 8192 or beyond the LPIs the GIC implements. */
    MAPTI_PHYSICAL_ID_OUT_OF_RANGE(0x010a06),
    /** MAPTI/MOVI: the collection id does not fit 16 bits. */
    MAPTI_COLLECTION_OUT_OF_RANGE(0x010903),
    /** MOVI: the event has no entry (its DeviceID no ITT, or the ITT no entry for it). */
    MOVI_UNMAPPED_INTERRUPT(0x010107),
    /** MOVI: the entry's collection, or the one it is to move to, is not mapped to a CPU. */
    MOVI_UNMAPPED_COLLECTION(0x010109),
    /**
     * INT, and so KVM's injection of an MSI ({@code vgic_its_resolve_lpi}): the event has no entry, or its
     * collection is not mapped to a vCPU.
     */
    INT_UNMAPPED_INTERRUPT(0x010307),
    /** DISCARD: the event has no entry, or its collection is not mapped. */
    DISCARD_UNMAPPED_INTERRUPT(0x010f07);

    private final int code;

    ItsCommandError(int code) {
        this.code = code;
    }

    /** The E_ITS_* encoding. */
    public int code() {
        return code;
    }

    /** {@code mapd_device_out_of_range}, …: the name in lower case. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
