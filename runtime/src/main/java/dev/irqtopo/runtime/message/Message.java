package dev.irqtopo.runtime.message;

/**
 * An MSI message: the 64-bit address (address_hi:address_lo) and 32-bit data a device writes to
 * raise an interrupt. The same bits read differently depending on who decodes them, so this type
 * offers a view for each format: the x86 compatibility format, the VT-d remappable format and the
 * AMD-Vi table index. It is the one place that knows where the fields sit: the domains, the remapping
 * units and the CPUs read messages through these views and never pick bits themselves.
 *
 * <p>Each view comes twice: as a method of a message, and as a static function of the raw address or
 * data, for the routing code that must not allocate a message per request. Ordering is unsigned: by
 * address, then by data.
 */
public record Message(long address, int data) implements Comparable<Message> {

    /** The compatibility-format destination that every CPU receives. */
    public static final int BROADCAST = 0xFF;
    /** The lowest address of the x86 interrupt range; anything outside the range is a plain memory write. */
    public static final long INTERRUPT_BASE = 0xFEE0_0000L;
    /** The highest address of the x86 interrupt range. */
    public static final long INTERRUPT_LIMIT = 0xFEEF_FFFFL;
    /** AMD's HyperTransport interrupt window, 0xFD_F800_0000..0xFD_F8FF_FFFF, which AMD-Vi treats as interrupt requests too. */
    public static final long HT_INTERRUPT_BASE = 0xFD_F800_0000L;

    /** Compatibility format: the destination mode, set for a logical destination (DM), clear for a physical one. */
    private static final long LOGICAL_DESTINATION = 1L << 2;
    private static final long REMAPPABLE_FORMAT = 1L << 4;
    private static final long SUB_HANDLE_VALID = 1L << 3;
    private static final long HANDLE_BIT_15 = 1L << 2;
    /** Linux sets this address bit for AMD-Vi tables of 2048 entries (its 2K mode). */
    private static final long AMDVI_2K = 1L << 2;
    /** Data bits 10:8: the delivery mode in compatibility format, the message type for AMD-Vi. */
    private static final int MODE_SHIFT = 8;
    private static final int LOWEST_PRIORITY = 0b001;

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
        return new Message(compatibilityAddress(apicId) | (long) (apicId >> 8 & 0x7F) << 5, vector);
    }

    /**
     * The compatibility format naming {@code destinationId} in the destination mode {@code logical} says:
     * a physical destination is an APIC ID, a logical one a logical id, which address bit 2 (DM) marks;
     * with {@code extendedDestination} id bits 14:8 go to address bits 11:5.
     */
    public static Message compatibility(int destinationId, int vector, boolean logical, boolean extendedDestination) {
        Message physical = compatibility(destinationId, vector, extendedDestination);
        return logical ? new Message(physical.address | LOGICAL_DESTINATION, vector) : physical;
    }

    /** The compatibility-format address naming the 8-bit destination {@code apicId & 0xFF}, extended bits clear. */
    public static long compatibilityAddress(int apicId) {
        return INTERRUPT_BASE | (long) (apicId & 0xFF) << 12;
    }

    /**
     * The VT-d remappable format with a valid sub-handle: handle bits 14:0 in address bits 19:5,
     * handle bit 15 in address bit 2, bits 4 and 3 set, data = sub-handle.
     */
    public static Message remappable(int handle, int subHandle) {
        checkSixteenBits("sub-handle", subHandle);
        return new Message(remappableAddress(handle, true), subHandle);
    }

    /** The VT-d remappable format without a sub-handle: the hardware uses the handle alone, data is ignored. */
    public static Message remappableWithoutSubHandle(int handle, int data) {
        return new Message(remappableAddress(handle, false), data);
    }

    /** The address of the VT-d remappable format selecting {@code handle}, with or without a valid sub-handle. */
    public static long remappableAddress(int handle, boolean subHandleValid) {
        checkSixteenBits("handle", handle);
        return INTERRUPT_BASE | (long) (handle & 0x7FFF) << 5 | REMAPPABLE_FORMAT | (long) (handle >> 15) << 2
                | (subHandleValid ? SUB_HANDLE_VALID : 0);
    }

    /** An AMD-Vi message: data = the entry's index in the device's table, address bit 2 in 2K mode. */
    public static Message amdVi(int index, boolean twoKMode) {
        if (index < 0 || index > 0x7FF) {
            throw new IllegalArgumentException("AMD-Vi index " + index + " outside 0..2047");
        }
        return new Message(INTERRUPT_BASE | (twoKMode ? AMDVI_2K : 0), index);
    }

    /** Bits 63:32 of the address. */
    public int addressHi() {
        return (int) (address >>> 32);
    }

    /** Bits 31:0 of the address. */
    public int addressLo() {
        return (int) address;
    }

    // ---- where the write goes

    /** Whether the address lies in 0xFEE00000..0xFEEFFFFF (address_hi 0), i.e. the write is an interrupt. */
    public boolean isInterrupt() {
        return isInterrupt(address);
    }

    /** {@link #isInterrupt()} of an address. */
    public static boolean isInterrupt(long address) {
        return address >>> 20 == INTERRUPT_BASE >>> 20;
    }

    /** Whether the address lies in AMD's HyperTransport interrupt window. */
    public static boolean isHyperTransportInterrupt(long address) {
        return address >>> 24 == HT_INTERRUPT_BASE >>> 24;
    }

    // ---- compatibility format view

    /** Compatibility format: whether address bit 4 is clear (VT-d decodes such messages without its table). */
    public boolean isCompatibilityFormat() {
        return !isRemappable(address);
    }

    /**
     * Compatibility format: the 8-bit destination, address bits 19:12, an APIC ID or with the logical bit
     * a logical id; 0xFF is the broadcast destination.
     */
    public int destination() {
        return destination(address);
    }

    /** {@link #destination()} of an address. */
    public static int destination(long address) {
        return (int) (address >>> 12) & 0xFF;
    }

    /** {@link #compatibilityAddress(int)} with the destination mode bit set when {@code logical}. */
    public static long compatibilityAddress(int destinationId, boolean logical) {
        return compatibilityAddress(destinationId) | (logical ? LOGICAL_DESTINATION : 0);
    }

    /** Compatibility format: whether address bit 2 (DM) asks for a logical destination rather than an APIC ID. */
    public boolean isLogicalDestination() {
        return isLogicalDestination(address);
    }

    /** {@link #isLogicalDestination()} of an address. */
    public static boolean isLogicalDestination(long address) {
        return (address & LOGICAL_DESTINATION) != 0;
    }

    /** Compatibility format: address bits 11:5, destination bits 14:8 where a hypervisor accepts them. */
    public int extendedDestination() {
        return (int) (address >>> 5) & 0x7F;
    }

    /**
     * Compatibility format: the destination as a decoder reads it, 8 bits, or 15 with address bits 11:5
     * as bits 14:8 when it accepts extended destination ids (a hypervisor offering {@code ext_dest_id}).
     */
    public int destination(boolean extendedDestinationIds) {
        return destination() | (extendedDestinationIds ? extendedDestination() << 8 : 0);
    }

    /** Compatibility format: the vector, data bits 7:0. */
    public int vector() {
        return vector(data);
    }

    /** {@link #vector()} of a message's data. */
    public static int vector(int data) {
        return data & 0xFF;
    }

    /** Compatibility format: the delivery mode, data bits 10:8. */
    public DeliveryMode deliveryMode() {
        return DeliveryMode.of(data);
    }

    /** The 3-bit field in data bits 10:8: the delivery mode in compatibility format, the message type for AMD-Vi. */
    public static int modeField(int data) {
        return data >>> MODE_SHIFT & 7;
    }

    /** {@code field} (a value of {@link #modeField}) placed in data bits 10:8. */
    static int modeBits(int field) {
        return field << MODE_SHIFT;
    }

    /** Compatibility format: whether data bits 10:8 ask for lowest-priority delivery (001). */
    public static boolean isLowestPriority(int data) {
        return modeField(data) == LOWEST_PRIORITY;
    }

    // ---- VT-d remappable format view

    /** VT-d: whether address bit 4 (interrupt format) is set. */
    public boolean isRemappable() {
        return isRemappable(address);
    }

    /** {@link #isRemappable()} of an address. */
    public static boolean isRemappable(long address) {
        return (address & REMAPPABLE_FORMAT) != 0;
    }

    /** VT-d remappable format: whether address bit 3 (sub-handle valid) is set. */
    public boolean subHandleValid() {
        return subHandleValid(address);
    }

    /** {@link #subHandleValid()} of an address. */
    public static boolean subHandleValid(long address) {
        return (address & SUB_HANDLE_VALID) != 0;
    }

    /** VT-d remappable format: the 16-bit handle, address bits 19:5 with address bit 2 as bit 15. */
    public int handle() {
        return handle(address);
    }

    /** {@link #handle()} of an address. */
    public static int handle(long address) {
        return (int) (address >>> 5) & 0x7FFF | (int) ((address & HANDLE_BIT_15) >>> 2) << 15;
    }

    /** VT-d remappable format: the sub-handle, data bits 15:0. */
    public int subHandle() {
        return subHandle(data);
    }

    /** {@link #subHandle()} of a message's data. */
    public static int subHandle(int data) {
        return data & 0xFFFF;
    }

    /** VT-d remappable format: whether data bits 31:16, reserved beside a valid sub-handle, are set. */
    public static boolean reservedSubHandleBits(int data) {
        return data >>> 16 != 0;
    }

    // ---- AMD-Vi view

    /** AMD-Vi: the index into the device's table, data bits 10:0. */
    public int amdViIndex() {
        return amdViIndex(data);
    }

    /** {@link #amdViIndex()} of a message's data. */
    public static int amdViIndex(int data) {
        return data & 0x7FF;
    }

    /** AMD-Vi with tables of at most 512 entries: the message type, data bits 10:8 (000 fixed, 001 arbitrated). */
    public static int amdViType(int data) {
        return modeField(data);
    }

    // ---- multi-message MSI

    /**
     * The data a multi-message MSI device emits for message {@code number} of the {@code enabled}
     * (a power of two) its capability enables: the number replaces data's low bits.
     */
    public static int multiMessageData(int data, int enabled, int number) {
        int lowBits = enabled - 1;
        return data & ~lowBits | number;
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
        return compare(address, data, other.address, other.data);
    }

    /** Unsigned order of two raw messages, by address then data, as {@link #compareTo} orders messages. */
    public static int compare(long address, int data, long otherAddress, int otherData) {
        int c = Long.compareUnsigned(address, otherAddress);
        return c != 0 ? c : Integer.compareUnsigned(data, otherData);
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
