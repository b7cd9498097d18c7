package dev.irqtopo.model.arm;

import java.util.Objects;

/**
 * One GICv3/v4 Interrupt Translation Service as its registers describe it.
 *
 * @param doorbell      physical address of its GITS_TRANSLATER, the one address a device writes to
 *                      signal an interrupt: the ITS base plus {@link #TRANSLATER_OFFSET}
 * @param deviceIdBits  DeviceID bits it implements (GITS_TYPER.Devbits + 1), 1..32
 * @param eventIdBits   EventID bits it implements (GITS_TYPER.ID_bits + 1), 1..32
 * @param ittEntrySize  bytes per ITT entry (GITS_TYPER.ITT_entry_size + 1), 1..16; Linux sizes ITTs by it
 * @param enabled       GITS_CTLR.Enabled: while clear every translation request is ignored
 * @param eventIdOverflow the implementation's choice for EventID bits above {@code eventIdBits}
 */
public record ItsModel(
        String name,
        long doorbell,
        int deviceIdBits,
        int eventIdBits,
        int ittEntrySize,
        boolean enabled,
        EventIdOverflow eventIdOverflow) {

    /**
     * GITS_TRANSLATER sits at offset 0x40 of the ITS's second 64 KiB frame (the translation frame),
     * 0x10040 from the ITS base (Linux {@code GITS_TRANSLATER} in arm-gic-v3.h).
     */
    public static final long TRANSLATER_OFFSET = 0x1_0040L;
    /** The physical address space this model accepts: 52 bits, the most an arm64 ITS can be placed in. */
    public static final long MAX_ADDRESS = (1L << 52) - 1;
    /** The ITT entry size this model gives when none is said; hardware reports its own in GITS_TYPER. */
    public static final int DEFAULT_ITT_ENTRY_SIZE = 8;

    public ItsModel {
        Objects.requireNonNull(name);
        Objects.requireNonNull(eventIdOverflow);
        if (name.isBlank()) {
            throw new IllegalArgumentException("ITS without a name");
        }
        if (doorbell < 0 || doorbell > MAX_ADDRESS || (doorbell & 3) != 0) {
            throw new IllegalArgumentException("ITS " + name + " doorbell 0x" + Long.toHexString(doorbell)
                    + " is not a 4-byte aligned address below 2^52");
        }
        checkBits(name, "DeviceID", deviceIdBits);
        checkBits(name, "EventID", eventIdBits);
        if (ittEntrySize < 1 || ittEntrySize > 16) {
            throw new IllegalArgumentException("ITS " + name + " ITT entry size " + ittEntrySize + " outside 1..16");
        }
    }

    /**
     * An enabled ITS whose registers start at {@code base}, with the default ITT entry size and the
     * overflow choice that translates more (high EventID bits ignored).
     */
    public static ItsModel atBase(String name, long base, int deviceIdBits, int eventIdBits) {
        return new ItsModel(name, base + TRANSLATER_OFFSET, deviceIdBits, eventIdBits, DEFAULT_ITT_ENTRY_SIZE, true,
                EventIdOverflow.HIGH_BITS_IGNORED);
    }

    /** This ITS with GITS_CTLR.Enabled as given. */
    public ItsModel withEnabled(boolean on) {
        return new ItsModel(name, doorbell, deviceIdBits, eventIdBits, ittEntrySize, on, eventIdOverflow);
    }

    /** This ITS with the given choice for EventID bits above ID_bits. */
    public ItsModel withEventIdOverflow(EventIdOverflow choice) {
        return new ItsModel(name, doorbell, deviceIdBits, eventIdBits, ittEntrySize, enabled, choice);
    }

    /** Whether {@code deviceId} (an unsigned 32-bit value) fits the DeviceID bits. */
    public boolean fitsDeviceId(long deviceId) {
        return deviceId >= 0 && deviceId >>> deviceIdBits == 0;
    }

    /** The number of EventIDs the ITS implements, 2^eventIdBits. */
    public long eventIds() {
        return 1L << eventIdBits;
    }

    private static void checkBits(String name, String field, int bits) {
        if (bits < 1 || bits > 32) {
            throw new IllegalArgumentException("ITS " + name + " " + field + " bits " + bits + " outside 1..32");
        }
    }
}
