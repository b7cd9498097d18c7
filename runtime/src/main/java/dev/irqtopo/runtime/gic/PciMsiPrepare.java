package dev.irqtopo.runtime.gic;

/**
 * How many vectors Linux prepares a PCI device's ITS device for ({@code its_pci_msi_prepare}): the
 * vectors asked for, raised in 6.12 to the size of the device's MSI-X table (its per-device domain's
 * {@code hwsize}; 1 for MSI), raised to the vectors of every device behind the same aliasing bridge
 * (they share the DeviceID, so the ITT), rounded up to a power of two, and at least 32 for DeviceID 0
 * (hardware that wires no DeviceID makes every device DeviceID 0).
 */
public final class PciMsiPrepare {

    /** The minimum Linux gives DeviceID 0. */
    public static final int DEVICE_ID_0_MINIMUM = 32;

    private PciMsiPrepare() {
    }

    /**
     * @param nvec        vectors the allocation asks for, at least 1
     * @param hwsize      6.12: the per-device MSI domain's size (MSI-X table size, 1 for MSI); ignored by 6.1
     * @param aliasCount  vectors of all devices behind the aliasing bridge, 0 when the device has no alias
     * @param deviceId    the DeviceID the msi-map gives the device
     */
    public static int vectors(ItsDriverLine line, int nvec, int hwsize, int aliasCount, long deviceId) {
        if (nvec < 1 || hwsize < 0 || aliasCount < 0) {
            throw new IllegalArgumentException("nvec " + nvec + " hwsize " + hwsize + " aliases " + aliasCount);
        }
        int n = nvec;
        if (line == ItsDriverLine.LINUX_6_12 && hwsize > n) {
            n = hwsize;
        }
        n = Math.max(n, aliasCount);
        int minimum = deviceId == 0 ? DEVICE_ID_0_MINIMUM : 1;
        return Math.max(minimum, roundUpPowerOfTwo(n));
    }

    /** {@code roundup_pow_of_two}. */
    public static int roundUpPowerOfTwo(int n) {
        if (n < 1 || n > 1 << 30) {
            throw new IllegalArgumentException("cannot round " + n);
        }
        return n == 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }
}
