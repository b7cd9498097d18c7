package dev.irqtopo.runtime.gic;

import dev.irqtopo.model.arm.ItsModel;

/**
 * How {@code its_create_device} sizes a new ITS device for {@code nvecs} vectors:
 * <ol>
 *   <li>{@code nvecs} is rounded up to a power of two (the kernel warns: callers already pass one);</li>
 *   <li>it is capped at the ITS's EventIDs, 2^ID_bits. In 6.1 the cap is computed as an unsigned int,
 *       so for an ITS with 32 EventID bits it is 0 and the device gets no LPIs: creation fails;</li>
 *   <li>the ITT has {@code max(2, nvecs)} entries: a power of two and at least one EventID bit;</li>
 *   <li>the ITT takes {@code max(entries × entry size, 256) + 255} bytes (room to align it to 256);</li>
 *   <li>MAPD's Size field is the EventID bits the ITT covers minus one, {@code log2(entries) − 1}
 *       ({@code its_build_mapd_cmd}).</li>
 * </ol>
 *
 * @param lpis     how many LPIs the device then asks {@link LpiRanges#alloc} for (it may get fewer)
 * @param ittBytes bytes Linux allocates for the ITT
 */
public record ItsDeviceSize(int lpis, int ittEntries, long ittBytes, int mapdSize) {

    /** ITTs are aligned to 256 bytes ({@code ITS_ITT_ALIGN}). */
    public static final int ITT_ALIGN = 256;

    public static ItsDeviceSize of(ItsDriverLine line, ItsModel its, int nvecs) {
        if (nvecs < 1) {
            throw new IllegalArgumentException("nvecs " + nvecs);
        }
        long n = PciMsiPrepare.roundUpPowerOfTwo(nvecs);
        long cap = line == ItsDriverLine.LINUX_6_1 ? (its.eventIds() & 0xFFFF_FFFFL) : its.eventIds();
        n = Math.min(n, cap);
        int entries = (int) Math.max(2, n);
        long bytes = Math.max((long) entries * its.ittEntrySize(), ITT_ALIGN) + ITT_ALIGN - 1;
        return new ItsDeviceSize((int) n, entries, bytes, Integer.numberOfTrailingZeros(entries) - 1);
    }

    /** The EventIDs the ITT covers, 2^(mapdSize+1). */
    public int eventIdBits() {
        return mapdSize + 1;
    }
}
