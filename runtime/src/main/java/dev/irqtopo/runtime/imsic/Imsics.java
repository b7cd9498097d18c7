package dev.irqtopo.runtime.imsic;

import dev.irqtopo.model.riscv.ImsicGeometry;
import dev.irqtopo.model.riscv.InterruptFile;
import java.util.Optional;

/**
 * The IMSICs as hardware: what a physical write does (AIA, IMSIC chapter, "Memory region for an
 * interrupt file"). In an interrupt file's page:
 * <ul>
 *   <li>a naturally aligned 32-bit write to {@code seteipnum_le} (offset 0) whose value is an
 *       implemented identity (1..N of that file) makes it pending; any other value is ignored;</li>
 *   <li>{@code seteipnum_be} (offset 4) does the same with the value read big-endian when the system
 *       implements it; a little-endian-only system may ignore it, which is the model's default;</li>
 *   <li>any other offset is read-only zero (ignored); any other size or alignment is ignored (the model
 *       does not raise the access fault the specification prefers).</li>
 * </ul>
 * A page inside an IMSIC region without a file is read-only zeros; any other address is memory.
 * Guest files take writes exactly like the others: the hardware does not know who writes.
 */
public final class Imsics {

    private final ImsicGeometry geometry;
    private final boolean bigEndianPort;

    public Imsics(ImsicGeometry geometry, boolean bigEndianPort) {
        this.geometry = geometry;
        this.bigEndianPort = bigEndianPort;
    }

    /** Little-endian-only IMSICs. */
    public static Imsics of(ImsicGeometry geometry) {
        return new Imsics(geometry, false);
    }

    /**
     * A write of {@code size} bytes at {@code address}; {@code value} is the 32-bit value as the bus
     * carries it in little-endian byte order (for other sizes only the size and alignment matter).
     */
    public ImsicWrite write(long address, int size, int value) {
        if (!geometry.inRegion(address)) {
            return new ImsicWrite.MemoryWrite(address);
        }
        long page = address & -ImsicGeometry.PAGE;
        Optional<InterruptFile> file = geometry.fileAt(address);
        if (file.isEmpty()) {
            return new ImsicWrite.Ignored(page, file, ImsicIgnoreReason.NO_FILE);
        }
        if (size != 4 || (address & 3) != 0) {
            return new ImsicWrite.Ignored(page, file, ImsicIgnoreReason.UNSUPPORTED_ACCESS);
        }
        long offset = address - page;
        int identity;
        if (offset == 0) {
            identity = value;
        } else if (offset == 4) {
            if (!bigEndianPort) {
                return new ImsicWrite.Ignored(page, file, ImsicIgnoreReason.BIG_ENDIAN_PORT_ABSENT);
            }
            identity = Integer.reverseBytes(value);
        } else {
            return new ImsicWrite.Ignored(page, file, ImsicIgnoreReason.READ_ONLY_OFFSET);
        }
        if (identity < 1 || identity > geometry.identities(file.get())) {
            return new ImsicWrite.Ignored(page, file, ImsicIgnoreReason.IDENTITY_NOT_IMPLEMENTED);
        }
        return new ImsicWrite.Pending(file.get(), identity);
    }

    /** A naturally sized 32-bit write. */
    public ImsicWrite write(long address, int value) {
        return write(address, 4, value);
    }

    public ImsicGeometry geometry() {
        return geometry;
    }

    public boolean bigEndianPort() {
        return bigEndianPort;
    }
}
