package dev.irqtopo.compiler.check;

import dev.irqtopo.model.arm.ItsModel;
import dev.irqtopo.model.arm.Mpidr;
import dev.irqtopo.model.arm.V2mFrameModel;

/**
 * The GIC architecture's limits on what an arm64 platform declares (Arm IHI 0069: GITS_TYPER, the ITS
 * and GICv2m register maps, the INTID ranges).
 */
final class GicLimits {

    /** MPIDR_EL1's affinity fields: Aff3 in bits 39:32, Aff2..Aff0 in bits 23:0. */
    static final long MPIDR_AFFINITY = Mpidr.AFFINITY_BITS;
    /** GITS_TYPER.Devbits and ID_bits hold the number of bits minus one in five bits. */
    static final int MAX_ID_BITS = 32;
    /** Physical addresses have at most 52 bits. */
    static final long MAX_ADDRESS = ItsModel.MAX_ADDRESS;
    /** GITS_TRANSLATER's offset from the ITS's base, which is 64 KiB aligned. */
    static final long GITS_TRANSLATER = ItsModel.TRANSLATER_OFFSET;
    /** The ITS's register map: two 64 KiB frames. */
    static final long ITS_FRAMES = 0x2_0000;
    static final long ITS_ALIGNMENT = 0x1_0000;
    /** MSI_SETSPI_NS's offset from a GICv2m frame's base, which is 4 KiB aligned. */
    static final long V2M_SETSPI = V2mFrameModel.SETSPI_OFFSET;
    static final long V2M_FRAME = 0x1000;
    /**
     * A GICv2m frame's SPIs: INTIDs from 32, and Linux takes a frame only when its first SPI plus its
     * count stays within 1019 ({@code is_msi_spi_valid}), so its last SPI is 1018.
     */
    static final int FIRST_SPI = V2mFrameModel.MIN_SPI;
    static final int LAST_SPI = V2mFrameModel.MAX_SPI - 1;
    /** A requester id has 16 bits within its segment. */
    static final int REQUESTER_IDS = 0x1_0000;

    private GicLimits() {
    }
}
