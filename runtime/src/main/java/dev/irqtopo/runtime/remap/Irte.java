package dev.irqtopo.runtime.remap;

import java.util.Objects;

/**
 * A VT-d interrupt remapping table entry as the hardware reads it from memory: 128 bits, {@code high}
 * holding bits 127:64 and {@code low} bits 63:0. Its IM bit (15) chooses the format:
 * <pre>
 * remapped (IM = 0)  low:  P 0, FPD 1, DM 2, RH 3, TM 4, DLM 7:5, AVAIL 11:8, IM 15, V 23:16, DST 63:32
 * posted   (IM = 1)  low:  P 0, FPD 1, AVAIL 11:8, URG 14, IM 15, VV 23:16, PDAL 63:38
 * both               high: SID 15:0, SQ 17:16, SVT 19:18; posted adds PDAH 63:32
 * </pre>
 * PDAL holds bits 31:6 and PDAH bits 63:32 of the 64-byte aligned posted-interrupt descriptor's
 * address; every bit not named is reserved and zero. The accessors read each field back from the bits,
 * whatever the format: which of them mean something depends on {@link #posted()}.
 *
 * <p>Fields the engine does not model hold the one value every entry it programs has, each named
 * below, so that each can become a field of {@link VtdRemapEntry} later.
 */
public record Irte(long high, long low) {

    /** FPD: faults through the entry are recorded. */
    public static final int FAULT_PROCESSING_DISABLE = 0;
    /** TM: edge triggered, as every message-signalled interrupt is. */
    public static final int TRIGGER_MODE = 0;
    /** DLM: fixed delivery (000), as Linux programs it. */
    public static final int DELIVERY_MODE = 0b000;
    /** AVAIL: the bits software may use, which Linux leaves clear. */
    public static final int AVAILABLE = 0;
    /** URG: posted interrupts are not urgent, as Linux posts them. */
    public static final int URGENT = 0;

    private static final int PDAL_SHIFT = 38;
    private static final long PDAL_MASK = (1L << 26) - 1;

    /**
     * The entry in its format: remapped, or posted to the descriptor {@code descriptors} gives its
     * target. A posted entry carries neither the host vector nor the destination it keeps reserved.
     */
    public static Irte of(VtdRemapEntry entry, PostedDescriptors descriptors) {
        Objects.requireNonNull(descriptors);
        long shared = (entry.present() ? 1L : 0L)
                | (long) FAULT_PROCESSING_DISABLE << 1
                | (long) AVAILABLE << 8;
        long high = entry.sid() | (long) entry.sq() << 16 | (long) entry.svt().svt() << 18;
        if (entry.posted().isPresent()) {
            PostedTarget target = entry.posted().get();
            long address = descriptors.address(target);
            long low = shared
                    | (long) URGENT << 14
                    | 1L << 15
                    | (long) target.vector() << 16
                    | (address >>> 6 & PDAL_MASK) << PDAL_SHIFT;
            return new Irte(high | (address >>> 32) << 32, low);
        }
        long low = shared
                | (entry.logical() ? 1L : 0L) << 2
                | (entry.redirectionHint() ? 1L : 0L) << 3
                | (long) TRIGGER_MODE << 4
                | (long) DELIVERY_MODE << 5
                | (long) entry.vector() << 16
                | Integer.toUnsignedLong(entry.destination()) << 32;
        return new Irte(high, low);
    }

    /** IM: whether the entry is in posted format. */
    public boolean posted() {
        return im() == 1;
    }

    /** P, bit 0. */
    public int p() {
        return bits(low, 0, 1);
    }

    /** FPD, bit 1. */
    public int fpd() {
        return bits(low, 1, 1);
    }

    /** DM, bit 2 (remapped format). */
    public int dm() {
        return bits(low, 2, 1);
    }

    /** RH, bit 3 (remapped format). */
    public int rh() {
        return bits(low, 3, 1);
    }

    /** TM, bit 4 (remapped format). */
    public int tm() {
        return bits(low, 4, 1);
    }

    /** DLM, bits 7:5 (remapped format). */
    public int dlm() {
        return bits(low, 5, 3);
    }

    /** AVAIL, bits 11:8. */
    public int avail() {
        return bits(low, 8, 4);
    }

    /** URG, bit 14 (posted format). */
    public int urg() {
        return bits(low, 14, 1);
    }

    /** IM, bit 15. */
    public int im() {
        return bits(low, 15, 1);
    }

    /** V, bits 23:16 in remapped format; the same bits are VV in posted format. */
    public int vector() {
        return bits(low, 16, 8);
    }

    /** DST, bits 63:32 (remapped format): the APIC ID in x2APIC mode, the APIC ID in bits 15:8 in xAPIC mode. */
    public int dst() {
        return (int) (low >>> 32);
    }

    /** PDAL, bits 63:38 (posted format): the descriptor address's bits 31:6. */
    public int pdaLow() {
        return (int) (low >>> PDAL_SHIFT & PDAL_MASK);
    }

    /** PDAH, bits 127:96 (posted format): the descriptor address's bits 63:32. */
    public int pdaHigh() {
        return (int) (high >>> 32);
    }

    /** The posted-interrupt descriptor's address, from PDAH and PDAL (posted format). */
    public long descriptorAddress() {
        return Integer.toUnsignedLong(pdaHigh()) << 32 | (long) pdaLow() << 6;
    }

    /** SID, bits 79:64. */
    public int sid() {
        return bits(high, 0, 16);
    }

    /** SQ, bits 81:80. */
    public int sq() {
        return bits(high, 16, 2);
    }

    /** SVT, bits 83:82. */
    public int svt() {
        return bits(high, 18, 2);
    }

    private static int bits(long word, int from, int width) {
        return (int) (word >>> from & (1L << width) - 1);
    }
}
