package dev.irqtopo.importer.acpi;

import dev.irqtopo.importer.BadInputException;

/**
 * The 36-byte header every ACPI system description table starts with (ACPI 6.5, 5.2.6).
 *
 * @param signature  four ASCII characters, {@code DMAR} or {@code IVRS}
 * @param length     the whole table's length in bytes, header included
 * @param revision   the table's revision
 * @param oemId      the OEM's id (six characters)
 * @param oemTableId the OEM's table id (eight characters)
 */
public record AcpiHeader(String signature, int length, int revision, String oemId, String oemTableId,
        long oemRevision, String creatorId, long creatorRevision) {

    public static final int SIZE = 36;

    /**
     * Reads the header of a table file and checks it: the signature expected, a length within the file,
     * and the checksum (all bytes of the table sum to zero modulo 256).
     */
    public static AcpiHeader read(String file, byte[] bytes, String expectedSignature) throws BadInputException {
        TableBytes header = new TableBytes(file, bytes, bytes.length);
        if (bytes.length < SIZE) {
            throw header.problem(bytes.length, "truncated: an ACPI table header is " + SIZE + " bytes, the file has "
                    + bytes.length);
        }
        String signature = header.ascii(0, 4, "the signature");
        if (!signature.equals(expectedSignature)) {
            throw header.problem(0, "signature \"" + signature + "\", expected \"" + expectedSignature + "\"");
        }
        long length = header.u32(4, "the length");
        if (length < SIZE) {
            throw header.problem(4, "length " + length + " is shorter than the header itself");
        }
        if (length > bytes.length) {
            throw header.problem(bytes.length, "truncated: the header gives length " + length + " bytes, the file has "
                    + bytes.length);
        }
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += bytes[i];
        }
        if ((sum & 0xff) != 0) {
            throw header.problem(9, String.format("wrong checksum 0x%02x: the table's bytes sum to 0x%02x, not 0",
                    bytes[9] & 0xff, sum & 0xff));
        }
        return new AcpiHeader(signature, (int) length, header.u8(8, "the revision"), header.ascii(10, 6, "the OEM id"),
                header.ascii(16, 8, "the OEM table id"), header.u32(24, "the OEM revision"),
                header.ascii(28, 4, "the creator id"), header.u32(32, "the creator revision"));
    }

    /** {@code DMAR revision 1, OEM BOCHS BXPC}: how a comment names the table. */
    public String describe() {
        return signature + " revision " + revision + ", OEM " + oemId + " " + oemTableId;
    }
}
