package dev.irqtopo.runtime.remap;

/**
 * An AMD-Vi interrupt remapping table entry in the basic 32-bit format, as the IOMMU reads it from
 * memory: RemapEn bit 0, SupIOPF 1, IntType 4:2, RqEoi 5, DM 6, GuestMode 7, Destination 15:8, Vector
 * 23:16; bits 31:24 are reserved and zero. The format carries 8 destination bits: an entry for a
 * higher APIC ID needs the 128-bit format, which is not modelled. The accessors read each field back
 * from the bits.
 *
 * <p>Fields the engine does not model hold the one value every entry it programs has, each named
 * below, so that each can become a field of {@link AmdViRemapEntry} later.
 */
public record AmdViIrte(int raw) {

    /** SupIOPF: a fault through the entry is logged. */
    public static final int SUPPRESS_IO_PAGE_FAULT = 0;
    /** IntType: fixed (000), as Linux programs it. */
    public static final int INTERRUPT_TYPE = 0b000;
    /** RqEoi: no EOI is requested. */
    public static final int REQUEST_EOI = 0;
    /** GuestMode: the basic format delivers to a host CPU, never to a guest's virtual APIC. */
    public static final int GUEST_MODE = 0;
    /** The highest APIC ID the Destination field holds. */
    public static final int MAX_DESTINATION = 0xFF;

    /** Whether {@code entry}'s destination fits the 8-bit Destination field. */
    public static boolean fits(AmdViRemapEntry entry) {
        return entry.destination() <= MAX_DESTINATION;
    }

    /**
     * The entry's 32 bits.
     *
     * @throws IllegalArgumentException when its destination does not {@linkplain #fits fit} the format
     */
    public static AmdViIrte of(AmdViRemapEntry entry) {
        if (!fits(entry)) {
            throw new IllegalArgumentException("destination 0x" + Integer.toHexString(entry.destination())
                    + " does not fit the 32-bit format's 8 bits");
        }
        return new AmdViIrte((entry.remapEnabled() ? 1 : 0)
                | SUPPRESS_IO_PAGE_FAULT << 1
                | INTERRUPT_TYPE << 2
                | REQUEST_EOI << 5
                | (entry.logical() ? 1 : 0) << 6
                | GUEST_MODE << 7
                | entry.destination() << 8
                | entry.vector() << 16);
    }

    /** RemapEn, bit 0. */
    public int remapEn() {
        return bits(0, 1);
    }

    /** SupIOPF, bit 1. */
    public int supIopf() {
        return bits(1, 1);
    }

    /** IntType, bits 4:2. */
    public int intType() {
        return bits(2, 3);
    }

    /** RqEoi, bit 5. */
    public int rqEoi() {
        return bits(5, 1);
    }

    /** DM, bit 6. */
    public int dm() {
        return bits(6, 1);
    }

    /** GuestMode, bit 7. */
    public int guestMode() {
        return bits(7, 1);
    }

    /** Destination, bits 15:8. */
    public int destination() {
        return bits(8, 8);
    }

    /** Vector, bits 23:16. */
    public int vector() {
        return bits(16, 8);
    }

    private int bits(int from, int width) {
        return raw >>> from & (1 << width) - 1;
    }
}
