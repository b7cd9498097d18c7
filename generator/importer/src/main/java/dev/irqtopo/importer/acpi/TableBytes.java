package dev.irqtopo.importer.acpi;

import dev.irqtopo.importer.BadInputException;

/**
 * The bytes of one ACPI table, read little-endian (as ACPI defines every field) with every read bounds
 * checked: a field that runs past the table's end is a truncated table, reported at the field's offset.
 */
public final class TableBytes {

    private final String file;
    private final byte[] bytes;
    private final int length;

    /** Reads {@code length} bytes of {@code bytes}: the table's own length, which may be below the file's. */
    public TableBytes(String file, byte[] bytes, int length) {
        this.file = file;
        this.bytes = bytes.clone();
        this.length = Math.min(length, bytes.length);
    }

    public String file() {
        return file;
    }

    public int length() {
        return length;
    }

    public int u8(int offset, String field) throws BadInputException {
        require(offset, 1, field);
        return bytes[offset] & 0xff;
    }

    public int u16(int offset, String field) throws BadInputException {
        require(offset, 2, field);
        return (bytes[offset] & 0xff) | (bytes[offset + 1] & 0xff) << 8;
    }

    public long u32(int offset, String field) throws BadInputException {
        require(offset, 4, field);
        return (u16(offset, field) | (long) u16(offset + 2, field) << 16) & 0xffff_ffffL;
    }

    public long u64(int offset, String field) throws BadInputException {
        require(offset, 8, field);
        return u32(offset, field) | u32(offset + 4, field) << 32;
    }

    /** ASCII text, as ACPI's signatures and OEM ids are; bytes that are not printable become {@code ?}. */
    public String ascii(int offset, int count, String field) throws BadInputException {
        require(offset, count, field);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int c = bytes[offset + i] & 0xff;
            text.append(c >= 0x20 && c < 0x7f ? (char) c : c == 0 ? ' ' : '?');
        }
        return text.toString().strip();
    }

    public BadInputException problem(int offset, String problem) {
        return new BadInputException(file, BadInputException.atByte(offset), problem);
    }

    private void require(int offset, int count, String field) throws BadInputException {
        if (offset < 0 || count < 0 || offset > length - count) {
            throw problem(offset, "truncated: " + field + " needs " + count + " byte(s), the table ends at byte "
                    + String.format("0x%x", length));
        }
    }
}
