package dev.irqtopo.runtime.imsic;

import java.util.Locale;

/**
 * Why a write to an IMSIC page made nothing pending (AIA, IMSIC chapter, "Memory region for an
 * interrupt file").
 */
public enum ImsicIgnoreReason {
    /** The value is 0 or above the file's N: not an implemented identity. */
    IDENTITY_NOT_IMPLEMENTED,
    /** Any offset but {@code seteipnum_le} (0) and {@code seteipnum_be} (4): read-only zeros. */
    READ_ONLY_OFFSET,
    /**
     * Not a naturally aligned 32-bit access. The IMSIC should report an access fault or bus error and
     * must otherwise ignore it; the model ignores it.
     */
    UNSUPPORTED_ACCESS,
    /** {@code seteipnum_be} on a little-endian-only system, which may ignore every write to it. */
    BIG_ENDIAN_PORT_ABSENT,
    /** A page inside an IMSIC region that no interrupt file occupies: read-only zeros. */
    NO_FILE;

    /** {@code identity_not_implemented}, …: the word reports and JSON use. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
