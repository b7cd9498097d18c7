package dev.irqtopo.model.riscv;

/**
 * Where the interrupt files' pages sit, by the constants of the AIA's placement rules (AIA, IMSIC
 * chapter, "Arrangement of the memory regions of multiple interrupt files"): hart {@code h} of group
 * {@code g} has its machine-level file at {@code g·2^E + A + h·2^C} and its supervisor-level file at
 * {@code g·2^E + B + h·2^D}, followed contiguously by its guest files 1..GEILEN. The rules that tie the
 * constants to the number of harts and guest files are checked by {@link ImsicGeometry}; this record
 * checks only what holds alone.
 *
 * @param machineBase    A
 * @param machineShift   C, the log2 stride between machine-level files (≥ 12: one page)
 * @param supervisorBase B
 * @param supervisorShift D, the log2 stride between supervisor-level files (≥ 12)
 * @param groupShift     E, the log2 stride between hart groups (unused with one group)
 */
public record ImsicPlacement(long machineBase, int machineShift, long supervisorBase, int supervisorShift, int groupShift) {

    /** The physical addresses the model accepts: 56 bits, the widest a RISC-V PPN (44 bits) reaches. */
    public static final int PHYSICAL_ADDRESS_BITS = 56;
    public static final int PAGE_SHIFT = 12;

    public ImsicPlacement {
        checkShift("C", machineShift);
        checkShift("D", supervisorShift);
        checkShift("E", groupShift);
        checkBase("A", machineBase);
        checkBase("B", supervisorBase);
    }

    private static void checkShift(String name, int shift) {
        if (shift < PAGE_SHIFT || shift >= PHYSICAL_ADDRESS_BITS) {
            throw new IllegalArgumentException("placement constant " + name + " = " + shift + " outside "
                    + PAGE_SHIFT + ".." + (PHYSICAL_ADDRESS_BITS - 1));
        }
    }

    private static void checkBase(String name, long base) {
        if (base < 0 || base >>> PHYSICAL_ADDRESS_BITS != 0 || !Bits.aligned(base, PAGE_SHIFT)) {
            throw new IllegalArgumentException("placement base " + name + " = 0x" + Long.toHexString(base)
                    + " is not a page address below 2^" + PHYSICAL_ADDRESS_BITS);
        }
    }
}
