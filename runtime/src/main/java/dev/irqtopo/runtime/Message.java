package dev.irqtopo.runtime;

/**
 * An MSI message: the 64-bit address (address_hi:address_lo) and 32-bit data a device writes to
 * raise an interrupt. The same bits read differently depending on who decodes them, so this type
 * offers a view for each format: the x86 compatibility format, the VT-d remappable format and the
 * AMD-Vi table index. Ordering is unsigned: by address, then by data.
 */
public record Message(long address, int data) implements Comparable<Message> {

    /** The compatibility-format destination that every CPU receives. */
    public static final int BROADCAST = 0xFF;
    /** The lowest address of the x86 interrupt range; anything outside the range is a plain memory write. */
    public static final long INTERRUPT_BASE = 0xFEE0_0000L;
    /** The highest address of the x86 interrupt range. */
    public static final long INTERRUPT_LIMIT = 0xFEEF_FFFFL;

    static final long REMAPPABLE_FORMAT = 1L << 4;
    static final long SUB_HANDLE_VALID = 1L << 3;
    static final long HANDLE_BIT_15 = 1L << 2;
    /** Linux sets this address bit for AMD-Vi tables of 2048 entries (its 2K mode). */
    static final long AMDVI_2K = 1L << 2;

    public static Message of(long address, int data) {
        return new Message(address, data);
    }

    /**
     * The compatibility format with an 8-bit destination: address 0xFEE00000 | APIC ID << 12,
     * data = vector with fixed delivery and edge trigger (bits 15:8 clear).
     */
    public static Message compatibility(int apicId, int vector) {
        return compatibility(apicId, vector, false);
    }

    /**
     * The compatibility format; with {@code extendedDestination} (a guest whose hypervisor accepts
     * 15-bit destination ids) APIC ID bits 14:8 go to address bits 11:5.
     */
    public static Message compatibility(int apicId, int vector, boolean extendedDestination) {
        int limit = extendedDestination ? 0x7FFF : 0xFF;
        if (apicId < 0 || apicId > limit) {
            throw new IllegalArgumentException("APIC ID 0x" + Integer.toHexString(apicId)
                    + " does not fit a compatibility-format destination");
        }
        checkVector(vector);
        long address = INTERRUPT_BASE | (long) (apicId & 0xFF) << 12 | (long) (apicId >> 8 & 0x7F) << 5;
        return new Message(address, vector);
    }

    /**
     * The VT-d remappable format with a valid sub-handle: handle bits 14:0 in address bits 19:5,
     * handle bit 15 in address bit 2, bits 4 and 3 set, data = sub-handle.
     */
    public static Message remappable(int handle, int subHandle) {
        checkSixteenBits("sub-handle", subHandle);
        return new Message(remappableAddress(handle) | SUB_HANDLE_VALID, subHandle);
    }

    /** The VT-d remappable format without a sub-handle: the hardware uses the handle alone, data is ignored. */
    public static Message remappableWithoutSubHandle(int handle, int data) {
        return new Message(remappableAddress(handle), data);
    }

    /** An AMD-Vi message: data = the entry's index in the device's table, address bit 2 in 2K mode. */
    public static Message amdVi(int index, boolean twoKMode) {
        if (index < 0 || index > 0x7FF) {
            throw new IllegalArgumentException("AMD-Vi index " + index + " outside 0..2047");
        }
        return new Message(INTERRUPT_BASE | (twoKMode ? AMDVI_2K : 0), index);
    }

    /** The address of the VT-d remappable format selecting {@code handle}, sub-handle valid clear. */
    static long remappableAddress(int handle) {
        checkSixteenBits("handle", handle);
        return INTERRUPT_BASE | (long) (handle & 0x7FFF) << 5 | REMAPPABLE_FORMAT | (long) (handle >> 15) << 2;
    }

    /** Bits 63:32 of the address. */
    public int addressHi() {
        return (int) (address >>> 32);
    }

    /** Bits 31:0 of the address. */
    public int addressLo() {
        return (int) address;
    }

    /** AMD's HyperTransport interrupt window, 0xFD_F800_0000..0xFD_F8FF_FFFF, which AMD-Vi treats as interrupt requests too. */
    static final long HT_INTERRUPT_BASE = 0xFD_F800_0000L;

    /** Whether the address lies in AMD's HyperTransport interrupt window. */
    static boolean isHyperTransportInterrupt(long address) {
        return address >>> 24 == HT_INTERRUPT_BASE >>> 24;
    }

    /** Whether the address lies in 0xFEE00000..0xFEEFFFFF (address_hi 0), i.e. the write is an interrupt. */
    public boolean isInterrupt() {
        return isInterrupt(address);
    }

    /** Address-only form of {@link #isInterrupt()} for code that must not allocate a message. */
    public static boolean isInterrupt(long address) {
        return address >>> 20 == INTERRUPT_BASE >>> 20;
    }

    // ---- compatibility format view

    /** Compatibility format: whether address bit 4 is clear (VT-d decodes such messages without its table). */
    public boolean isCompatibilityFormat() {
        return (address & REMAPPABLE_FORMAT) == 0;
    }

    /** Compatibility format: the 8-bit destination APIC ID, address bits 19:12; 0xFF is the broadcast destination. */
    public int destination() {
        return destination(address);
    }

    /** {@link #destination()} of an address, for code that must not allocate a message. */
    static int destination(long address) {
        return (int) (address >>> 12) & 0xFF;
    }

    /** Compatibility format: the delivery mode, data bits 10:8. */
    public DeliveryMode deliveryMode() {
        return DeliveryMode.of(data);
    }

    /** Compatibility format: address bits 11:5, destination bits 14:8 where a hypervisor accepts them. */
    public int extendedDestination() {
        return (int) (address >>> 5) & 0x7F;
    }

    /** Compatibility format: the vector, data bits 7:0. */
    public int vector() {
        return data & 0xFF;
    }

    // ---- VT-d remappable format view

    /** VT-d: whether address bit 4 (interrupt format) is set. */
    public boolean isRemappable() {
        return !isCompatibilityFormat();
    }

    /** VT-d remappable format: whether address bit 3 (sub-handle valid) is set. */
    public boolean subHandleValid() {
        return (address & SUB_HANDLE_VALID) != 0;
    }

    /** VT-d remappable format: the 16-bit handle, address bits 19:5 with address bit 2 as bit 15. */
    public int handle() {
        return handle(address);
    }

    /** {@link #handle()} of an address, for code that must not allocate a message. */
    static int handle(long address) {
        return (int) (address >>> 5) & 0x7FFF | (int) (address >>> 2 & 1) << 15;
    }

    /** VT-d remappable format: the sub-handle, data bits 15:0. */
    public int subHandle() {
        return data & 0xFFFF;
    }

    // ---- AMD-Vi view

    /** AMD-Vi: the index into the device's table, data bits 10:0. */
    public int amdViIndex() {
        return data & 0x7FF;
    }

    /** The same address with other data, as a multi-message MSI device emits message i of its block. */
    public Message withData(int newData) {
        return new Message(address, newData);
    }

    /** {@code 0x00000000fee00018}: 16 lower-case hex digits. */
    public String addressHex() {
        return "0x" + Hex.of(address, 16);
    }

    /** {@code 0x00000021}: 8 lower-case hex digits. */
    public String dataHex() {
        return "0x" + Hex.of(data, 8);
    }

    @Override
    public int compareTo(Message other) {
        int c = Long.compareUnsigned(address, other.address);
        return c != 0 ? c : Integer.compareUnsigned(data, other.data);
    }

    /** {@code 0x00000000fee00018/0x00000000}. */
    @Override
    public String toString() {
        return addressHex() + "/" + dataHex();
    }

    private static void checkVector(int vector) {
        if (vector < 0 || vector > 0xFF) {
            throw new IllegalArgumentException("vector " + vector + " outside 0..255");
        }
    }

    private static void checkSixteenBits(String what, int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(what + " " + value + " outside 0..0xffff");
        }
    }
}
