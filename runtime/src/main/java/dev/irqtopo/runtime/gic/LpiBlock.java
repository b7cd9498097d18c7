package dev.irqtopo.runtime.gic;

/** A run of consecutive LPI INTIDs, {@code base .. base+count-1}: a free range, or what one device was given. */
public record LpiBlock(int base, int count) {

    public LpiBlock {
        if (base < LpiRanges.FIRST_LPI || count < 1) {
            throw new IllegalArgumentException("no LPI block " + base + "+" + count);
        }
    }

    /** One past the last INTID. */
    public long end() {
        return (long) base + count;
    }

    public boolean contains(long intid) {
        return intid >= base && intid < end();
    }
}
