package dev.irqtopo.model.riscv;

/**
 * One 16-byte MSI page table entry as its two doublewords (AIA, IOMMU chapter, "MSI page tables"):
 * dw0 bit 0 V, bits 2:1 M (3 basic translate, 1 MRIF), bit 63 C (custom). The kinds here build the bits
 * of the well-formed entries; {@link Raw} carries any other bits (reserved modes, C = 1, reserved bits
 * set) so the engine decodes every entry the same way the IOMMU does.
 */
public sealed interface MsiPte permits MsiPte.Invalid, MsiPte.Basic, MsiPte.Mrif, MsiPte.Raw {

    long dw0();

    long dw1();

    /** V = 0: every other bit is the software's. */
    record Invalid() implements MsiPte {
        @Override
        public long dw0() {
            return 0;
        }

        @Override
        public long dw1() {
            return 0;
        }
    }

    /** Basic translate mode: the page becomes physical page {@code ppn} (dw0 bits 53:10). */
    record Basic(long ppn) implements MsiPte {
        public Basic {
            checkPpn("PPN", ppn);
        }

        @Override
        public long dw0() {
            return ppn << 10 | 0b11L << 1 | 1;
        }

        @Override
        public long dw1() {
            return 0;
        }
    }

    /**
     * MRIF mode: MSIs are recorded in the 512-byte memory-resident interrupt file at {@code address}
     * (bits 55:9 in dw0 bits 53:7) and announced by a notice MSI writing {@code nid} (11 bits: dw1 bits
     * 9:0 and bit 60) to page {@code noticePpn} (dw1 bits 53:10).
     */
    record Mrif(long address, long noticePpn, int nid) implements MsiPte {
        public Mrif {
            if (address < 0 || address >>> ImsicPlacement.PHYSICAL_ADDRESS_BITS != 0 || (address & 0x1FF) != 0) {
                throw new IllegalArgumentException("MRIF address 0x" + Long.toHexString(address)
                        + " is not 512-byte aligned below 2^56");
            }
            checkPpn("notice PPN", noticePpn);
            if (nid < 0 || nid > 0x7FF) {
                throw new IllegalArgumentException("notice identifier " + nid + " outside 0..2047");
            }
        }

        @Override
        public long dw0() {
            return (address >>> 9) << 7 | 0b01L << 1 | 1;
        }

        @Override
        public long dw1() {
            return (long) (nid & 0x3FF) | noticePpn << 10 | (long) (nid >>> 10) << 60;
        }
    }

    /** Any bits, as memory holds them. */
    record Raw(long dw0, long dw1) implements MsiPte {
    }

    private static void checkPpn(String what, long ppn) {
        if (ppn < 0 || ppn >>> 44 != 0) {
            throw new IllegalArgumentException(what + " 0x" + Long.toHexString(ppn) + " does not fit 44 bits");
        }
    }
}
