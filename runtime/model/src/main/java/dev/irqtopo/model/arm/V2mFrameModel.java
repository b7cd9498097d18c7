package dev.irqtopo.model.arm;

import java.util.Objects;

/**
 * One GICv2m MSI frame: a doorbell that turns a write of an SPI number into that SPI. It sees no
 * identity of the writer, which is why Linux never marks it as isolating MSIs.
 *
 * @param doorbell physical address of the frame's MSI_SETSPI_NS register, the frame base plus
 *                 {@link #SETSPI_OFFSET}
 * @param firstSpi the first SPI the frame may raise
 * @param spiCount how many consecutive SPIs from {@code firstSpi}
 */
public record V2mFrameModel(String name, long doorbell, int firstSpi, int spiCount) {

    /** MSI_SETSPI_NS sits at offset 0x40 of the frame (Linux {@code V2M_MSI_SETSPI_NS}). */
    public static final long SETSPI_OFFSET = 0x40;
    /** The lowest SPI a frame may start at (Linux {@code V2M_MIN_SPI}). */
    public static final int MIN_SPI = 32;
    /**
     * Linux's upper bound: it refuses a frame with {@code firstSpi + spiCount > 1019}
     * ({@code is_msi_spi_valid} against {@code V2M_MAX_SPI}), so the last SPI a frame Linux accepts can
     * raise is 1018, one below the architecture's last SPI.
     */
    public static final int MAX_SPI = 1019;

    public V2mFrameModel {
        Objects.requireNonNull(name);
        if (name.isBlank()) {
            throw new IllegalArgumentException("v2m frame without a name");
        }
        if (doorbell < 0 || doorbell > ItsModel.MAX_ADDRESS || (doorbell & 3) != 0) {
            throw new IllegalArgumentException("v2m frame " + name + " doorbell 0x" + Long.toHexString(doorbell)
                    + " is not a 4-byte aligned address below 2^52");
        }
        if (firstSpi < MIN_SPI || spiCount < 1 || firstSpi + spiCount > MAX_SPI) {
            throw new IllegalArgumentException("v2m frame " + name + " SPIs " + firstSpi + "+" + spiCount
                    + " outside " + MIN_SPI + ".." + (MAX_SPI - 1));
        }
    }

    public static V2mFrameModel atBase(String name, long base, int firstSpi, int spiCount) {
        return new V2mFrameModel(name, base + SETSPI_OFFSET, firstSpi, spiCount);
    }

    /** Whether {@code spi} is one the frame may raise. */
    public boolean covers(long spi) {
        return spi >= firstSpi && spi < firstSpi + spiCount;
    }
}
