package dev.irqtopo.runtime.gic;

import java.util.Locale;

/**
 * Why a write to a doorbell raised nothing. The ITS reasons are the conditions under which the
 * architecture says GITS_TRANSLATER ignores a write; the others are this model's names for cases the
 * architecture leaves open, as docs/arm.md explains.
 */
public enum IgnoreReason {
    /** GITS_CTLR.Enabled is 0. */
    ITS_DISABLED,
    /**
     * The writer presents no DeviceID to this ITS (a CPU, or a requester the firmware maps to another
     * controller). The architecture does not specify such writes; the model ignores them.
     */
    NO_DEVICE_ID,
    /** The DeviceID is larger than the ITS's DeviceID bits allow. */
    DEVICE_ID_TOO_LARGE,
    /** The DeviceID has no ITT (no valid MAPD). */
    DEVICE_ID_UNMAPPED,
    /**
     * The EventID has non-zero bits above GITS_TYPER.ID_bits and the ITS is modelled as ignoring such
     * writes (one of the two CONSTRAINED UNPREDICTABLE choices).
     */
    EVENT_ID_BITS_UNSUPPORTED,
    /** The EventID is outside the range MAPD gave the device's ITT. */
    EVENT_ID_OUT_OF_RANGE,
    /** The EventID has no entry in the ITT. */
    EVENT_ID_UNMAPPED,
    /** The entry's collection is not mapped to a CPU (no valid MAPC). */
    COLLECTION_UNMAPPED,
    /** A GICv2m frame: the data is not one of the frame's SPIs. */
    SPI_OUT_OF_RANGE,
    /**
     * KVM's route to a guest names an address outside the guest's virtual ITS frames, so KVM finds no
     * ITS to inject through ({@code vgic_msi_to_its}, -EINVAL).
     */
    OUTSIDE_ITS_FRAME;

    /** {@code its_disabled}, …: the word reports and JSON use. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
