package dev.irqtopo.runtime.riommu;

import dev.irqtopo.model.riscv.DeviceContext;
import dev.irqtopo.model.riscv.IommuCapabilities;
import dev.irqtopo.runtime.imsic.Imsics;

/**
 * One device's writes through the IOMMU to the IMSICs: the MSI translation decides; a non-MSI goes
 * through the {@link SecondStage}; a translated MSI goes to its physical page; an MRIF-mode page
 * records the MSI as the AIA's IOMMU chapter ("MSI PTE, MRIF mode") says:
 * <ul>
 *   <li>only a naturally aligned 32-bit write is an MSI candidate (else aborted);</li>
 *   <li>address bit 2 selects the data's byte order; big-endian is discarded unless the IOMMU stores
 *       big-endian MSIs;</li>
 *   <li>address bits 11:3 non-zero, or the identity D above 2047: discarded;</li>
 *   <li>else D's pending bit is set in the MRIF (0 included: the IOMMU does not check it) and the
 *       notice MSI writes NID, zero-extended, little-endian, to NPPN·4096 — a physical write the
 *       IMSICs take like any other.</li>
 * </ul>
 */
public final class DeviceBus {

    private final IommuCapabilities caps;
    private final Imsics imsics;

    public DeviceBus(IommuCapabilities caps, Imsics imsics) {
        this.caps = caps;
        this.imsics = imsics;
    }

    /** A write of {@code size} bytes of {@code data} at guest physical address {@code address}. */
    public DeviceWrite write(DeviceContext dc, SecondStage stage, long address, int size, int data) {
        MsiTranslation translation = MsiTranslator.translate(caps, dc, address);
        if (translation instanceof MsiTranslation.Fault f) {
            return new DeviceWrite.Faulted(f.fault());
        }
        if (translation instanceof MsiTranslation.Translated t) {
            return new DeviceWrite.Onward(Route.TRANSLATED, t.address(), imsics.write(t.address(), size, data));
        }
        if (translation instanceof MsiTranslation.ToMrif m) {
            return toMrif(m, address, size, data);
        }
        if (!stage.permits(address)) {
            return new DeviceWrite.Blocked(address);
        }
        return new DeviceWrite.Onward(Route.PASS_THROUGH, address, imsics.write(address, size, data));
    }

    /** A naturally sized 32-bit write. */
    public DeviceWrite write(DeviceContext dc, SecondStage stage, long address, int data) {
        return write(dc, stage, address, 4, data);
    }

    private DeviceWrite toMrif(MsiTranslation.ToMrif m, long address, int size, int data) {
        if (size != 4 || (address & 3) != 0) {
            return new DeviceWrite.MrifDiscarded(m.mrif(), MrifDiscard.UNSUPPORTED_ACCESS);
        }
        boolean bigEndian = (address & 4) != 0;
        if (bigEndian && !caps.bigEndianMsi()) {
            return new DeviceWrite.MrifDiscarded(m.mrif(), MrifDiscard.BIG_ENDIAN_UNSUPPORTED);
        }
        if ((address & 0xFF8) != 0) {
            return new DeviceWrite.MrifDiscarded(m.mrif(), MrifDiscard.OFFSET_NOT_SETEIPNUM);
        }
        int identity = bigEndian ? Integer.reverseBytes(data) : data;
        if (identity >>> 11 != 0) {
            return new DeviceWrite.MrifDiscarded(m.mrif(), MrifDiscard.IDENTITY_ABOVE_2047);
        }
        return new DeviceWrite.MrifRecorded(m.mrif(), identity, imsics.write(m.noticeAddress(), 4, m.nid()));
    }

    public IommuCapabilities caps() {
        return caps;
    }

    public Imsics imsics() {
        return imsics;
    }
}
