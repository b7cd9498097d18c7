package dev.irqtopo.model.riscv;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The MSI part of one RISC-V IOMMU device context (the extended format's {@code msiptp},
 * {@code msi_addr_mask}, {@code msi_addr_pattern}; RISC-V IOMMU specification, "Device-context
 * fields") and the MSI page table it points to.
 *
 * @param mode        {@code msiptp.MODE}
 * @param tablePpn    {@code msiptp.PPN}: the table starts at {@code tablePpn·4096}
 * @param addressMask {@code msi_addr_mask} (52 bits): the guest page-number bits that select the file
 * @param addressPattern {@code msi_addr_pattern} (52 bits): the other page-number bits every MSI page has
 * @param secondStage whether {@code iohgatp.MODE} is not Bare; the specification requires MODE Off when
 *                    it is Bare, and the reference model reports the context misconfigured otherwise
 * @param table       the PTEs by file number; a number without an entry reads as V = 0. Keys are below
 *                    2^popcount(mask), the table's size.
 */
public record DeviceContext(MsiPtMode mode, long tablePpn, long addressMask, long addressPattern, boolean secondStage,
        Map<Long, MsiPte> table) {

    public static final long FIELD_52 = (1L << 52) - 1;

    public DeviceContext {
        Objects.requireNonNull(mode);
        table = Collections.unmodifiableSortedMap(new TreeMap<>(table));
        // kept sorted by file number, so iteration is in table order
        if (tablePpn < 0 || tablePpn >>> 44 != 0) {
            throw new IllegalArgumentException("msiptp.PPN 0x" + Long.toHexString(tablePpn) + " does not fit 44 bits");
        }
        if ((addressMask & ~FIELD_52) != 0 || (addressPattern & ~FIELD_52) != 0) {
            throw new IllegalArgumentException("msi_addr_mask and msi_addr_pattern have 52 bits");
        }
        int k = Long.bitCount(addressMask);
        for (Map.Entry<Long, MsiPte> e : table.entrySet()) {
            Objects.requireNonNull(e.getValue());
            if (e.getKey() < 0 || e.getKey() >>> k != 0) {
                throw new IllegalArgumentException("MSI PTE " + e.getKey() + " beyond a table of 2^" + k + " entries");
            }
        }
        // AIA "MSI page tables": up to 256 entries the table is page aligned, above that aligned to its size
        int alignBits = Math.max(ImsicPlacement.PAGE_SHIFT, k + 4);
        if (!Bits.aligned(tablePpn << ImsicPlacement.PAGE_SHIFT, alignBits)) {
            throw new IllegalArgumentException("an MSI page table of 2^" + k + " entries at PPN 0x" + Long.toHexString(tablePpn)
                    + " is not aligned to 2^" + alignBits + " bytes, which makes every entry UNSPECIFIED");
        }
    }

    /** A context that recognises no MSI page (MODE Off), with a second stage. */
    public static DeviceContext off() {
        return new DeviceContext(MsiPtMode.OFF, 0, 0, 0, true, new TreeMap<>());
    }

    /** A flat MSI table at {@code tablePpn} with the given mask, pattern and entries, behind a second stage. */
    public static DeviceContext flat(long tablePpn, long mask, long pattern, Map<Long, MsiPte> entries) {
        return new DeviceContext(MsiPtMode.FLAT, tablePpn, mask, pattern, true, entries);
    }

    /** The entry of file number {@code index}: V = 0 when the table has none. */
    public MsiPte entry(long index) {
        MsiPte pte = table.get(index);
        return pte == null ? new MsiPte.Invalid() : pte;
    }

    /** The number of entries the table has, 2^popcount(mask). */
    public int tableBits() {
        return Long.bitCount(addressMask);
    }
}
