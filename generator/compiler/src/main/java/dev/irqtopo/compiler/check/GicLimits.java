package dev.irqtopo.compiler.check;

/**
 * The GIC architecture's limits on what an arm64 platform declares (Arm IHI 0069: GITS_TYPER, the ITS
 * and GICv2m register maps, the INTID ranges).
 */
final class GicLimits {

    /** MPIDR_EL1's affinity fields: Aff3 in bits 39:32, Aff2..Aff0 in bits 23:0. */
    static final long MPIDR_AFFINITY = 0xff_00ff_ffffL;
    /** GITS_TYPER.Devbits and ID_bits hold the number of bits minus one in five bits. */
    static final int MAX_ID_BITS = 32;
    /** Physical addresses have at most 52 bits. */
    static final long MAX_ADDRESS = (1L << 52) - 1;
    /** GITS_TRANSLATER's offset from the ITS's base, which is 64 KiB aligned. */
    static final long GITS_TRANSLATER = 0x1_0040;
    /** The ITS's register map: two 64 KiB frames. */
    static final long ITS_FRAMES = 0x2_0000;
    static final long ITS_ALIGNMENT = 0x1_0000;
    /** MSI_SETSPI_NS's offset from a GICv2m frame's base, which is 4 KiB aligned. */
    static final long V2M_SETSPI = 0x40;
    static final long V2M_FRAME = 0x1000;
    /** SPIs are INTIDs 32..1019. */
    static final int FIRST_SPI = 32;
    static final int LAST_SPI = 1019;
    /** A requester id has 16 bits within its segment. */
    static final int REQUESTER_IDS = 0x1_0000;

    private GicLimits() {
    }
}
