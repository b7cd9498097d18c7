package dev.irqtopo.runtime.riommu;

import dev.irqtopo.model.riscv.DeviceContext;
import dev.irqtopo.model.riscv.IommuCapabilities;
import dev.irqtopo.model.riscv.MsiPtMode;
import dev.irqtopo.model.riscv.MsiPte;

/**
 * {@code msi_address_translation} of the RISC-V IOMMU reference model
 * (iommu_ref_model/libiommu/src/iommu_msi_trans.c), step by step, for a guest physical address A the
 * first stage has produced:
 * <ol>
 *   <li>no {@code MSI_FLAT} (base-format contexts have no {@code msiptp}) or MODE Off: not an MSI;</li>
 *   <li>(device-context check, iommu_device_context.c) MODE Flat with a Bare second stage: cause 259;</li>
 *   <li>an MSI page iff {@code (A >> 12) & ~mask == pattern & ~mask}, both cut to MGPAW − 12 bits;</li>
 *   <li>file number I = extract(A >> 12, mask); PTE at {@code msiptp.PPN·4096 | I·16}; an address
 *       beyond PAS is cause 261;</li>
 *   <li>V = 0: 262; C = 1: 263; M = 0 or 2: 263;</li>
 *   <li>M = 3: reserved bits (dw0 9:3, 62:54) set: 263; else PA = PPN·4096 | A[11:0];</li>
 *   <li>M = 1: no {@code MSI_MRIF}: 263; reserved bits (dw0 6:3, 62:54; dw1 59:54, 63:61) set: 263;
 *       else MRIF = dw0[53:7]·512, notice address = NPPN·4096, NID = N10·1024 | N[9:0].</li>
 * </ol>
 * A device write is never a read-for-execute, so cause 1 does not arise; data corruption (270) needs
 * RAS and poisoned memory, which the model does not have.
 */
public final class MsiTranslator {

    private static final long PPN_BITS = (1L << 44) - 1;
    private static final long MRIF_ADDRESS_BITS = (1L << 47) - 1;

    private MsiTranslator() {
    }

    public static MsiTranslation translate(IommuCapabilities caps, DeviceContext dc, long gpa) {
        if (!caps.msiFlat() || dc.mode() == MsiPtMode.OFF) {
            return new MsiTranslation.NotMsi();
        }
        if (!dc.secondStage()) {
            return new MsiTranslation.Fault(MsiFault.DDT_ENTRY_MISCONFIGURED);
        }
        long pages = pageMask(caps);
        long mask = dc.addressMask() & pages;
        if (((gpa >>> 12) & ~mask & pages) != (dc.addressPattern() & ~mask & pages)) {
            return new MsiTranslation.NotMsi();
        }
        long index = Pext.extract(gpa >>> 12, mask);
        long pteAddress = dc.tablePpn() << 12 | index * 16;
        if (pteAddress >>> caps.physicalAddressBits() != 0) {
            return fault(MsiFault.MSI_PTE_LOAD_ACCESS_FAULT);
        }
        MsiPte pte = dc.entry(index);
        long dw0 = pte.dw0();
        long dw1 = pte.dw1();
        if ((dw0 & 1) == 0) {
            return fault(MsiFault.MSI_PTE_NOT_VALID);
        }
        if (dw0 >>> 63 != 0) {
            return fault(MsiFault.MSI_PTE_MISCONFIGURED);
        }
        int mode = (int) (dw0 >>> 1 & 3);
        if (mode == 3) {
            if (bits(dw0, 3, 7) != 0 || bits(dw0, 54, 9) != 0) {
                return fault(MsiFault.MSI_PTE_MISCONFIGURED);
            }
            return new MsiTranslation.Translated((dw0 >>> 10 & PPN_BITS) << 12 | gpa & 0xFFF);
        }
        if (mode == 1) {
            if (!caps.msiMrif() || bits(dw0, 3, 4) != 0 || bits(dw0, 54, 9) != 0 || bits(dw1, 54, 6) != 0
                    || bits(dw1, 61, 3) != 0) {
                return fault(MsiFault.MSI_PTE_MISCONFIGURED);
            }
            int nid = (int) (bits(dw1, 60, 1) << 10 | bits(dw1, 0, 10));
            return new MsiTranslation.ToMrif((dw0 >>> 7 & MRIF_ADDRESS_BITS) << 9, (dw1 >>> 10 & PPN_BITS) << 12, nid);
        }
        return fault(MsiFault.MSI_PTE_MISCONFIGURED);
    }

    /** The guest page-number bits the mask and pattern cover: MGPAW − 12. */
    static long pageMask(IommuCapabilities caps) {
        return (1L << (caps.mgpaw() - 12)) - 1;
    }

    private static long bits(long word, int low, int count) {
        return word >>> low & ((1L << count) - 1);
    }

    private static MsiTranslation fault(MsiFault fault) {
        return new MsiTranslation.Fault(fault);
    }
}
