package dev.irqtopo.importer.acpi.ivrs;

import dev.irqtopo.importer.BadInputException;
import dev.irqtopo.importer.acpi.AcpiHeader;
import dev.irqtopo.importer.acpi.TableBytes;
import java.util.ArrayList;
import java.util.List;

/** Reads an IVRS table as /sys/firmware/acpi/tables/IVRS holds it, byte for byte. */
public final class IvrsParser {

    private static final int BLOCKS = 48;

    private IvrsParser() {
    }

    public static IvrsTable parse(String file, byte[] bytes) throws BadInputException {
        AcpiHeader header = AcpiHeader.read(file, bytes, "IVRS");
        TableBytes table = new TableBytes(file, bytes, header.length());
        long ivInfo = table.u32(36, "IVinfo");
        table.u8(BLOCKS - 1, "the reserved bytes");
        List<IvrsBlock> blocks = new ArrayList<>();
        int offset = BLOCKS;
        while (offset < table.length()) {
            int type = table.u8(offset, "a block's type");
            int length = table.u16(offset + 2, "a block's length");
            if (offset + length > table.length()) {
                throw table.problem(offset, String.format("truncated: block of type %02xh and length %d runs past "
                        + "the table's end at byte 0x%x", type, length, table.length()));
            }
            if (type == 0x10 || type == 0x11 || type == 0x40) {
                blocks.add(ivhd(table, type, offset, length));
            } else if (type >= 0x20 && type <= 0x22) {
                if (length < 32) {
                    throw table.problem(offset + 2, "IVMD length " + length + " is shorter than its 32 bytes");
                }
                blocks.add(new Ivmd(offset, type, table.u16(offset + 4, "the IVMD device id"),
                        table.u64(offset + 16, "the IVMD start"), table.u64(offset + 24, "the IVMD length")));
            } else {
                throw table.problem(offset, String.format("unknown block type %02xh (IVRS defines IVHD 10h, 11h, 40h "
                        + "and IVMD 20h, 21h, 22h)", type));
            }
            offset += length;
        }
        return new IvrsTable(header, ivInfo, blocks);
    }

    private static Ivhd ivhd(TableBytes table, int type, int offset, int length) throws BadInputException {
        int fixed = type == 0x10 ? 24 : 40;
        if (length < fixed) {
            throw table.problem(offset + 2, String.format("IVHD type %02xh length %d is shorter than its fixed fields "
                    + "(%d bytes)", type, length, fixed));
        }
        long efr = type == 0x10 ? 0 : table.u64(offset + 24, "the EFR image");
        return new Ivhd(offset, type, table.u8(offset + 1, "the IVHD flags"), table.u16(offset + 4, "the IOMMU's device id"),
                table.u64(offset + 8, "the IOMMU base address"), table.u16(offset + 16, "the PCI segment group"), efr,
                entries(table, offset + fixed, offset + length));
    }

    private static List<DeviceEntry> entries(TableBytes table, int offset, int end) throws BadInputException {
        List<DeviceEntry> entries = new ArrayList<>();
        boolean rangeOpen = false;
        while (offset < end) {
            int type = table.u8(offset, "a device entry's type");
            int size = type < 0x40 ? 4 : type < 0x80 ? 8 : type == 0xf0 ? 22 : -1;
            if (size < 0) {
                throw table.problem(offset, String.format("unknown device entry type %02xh (its length is unknown)", type));
            }
            if (type == 0xf0) {
                size += table.u8(offset + 21, "the UID length");
            }
            if (offset + size > end) {
                throw table.problem(offset, String.format("truncated: device entry of type %02xh and %d bytes runs past "
                        + "its IVHD's end at byte 0x%x", type, size, end));
            }
            int deviceId = table.u16(offset + 1, "the device id");
            switch (type) {
                case 0:
                    break; // reserved: padding
                case 1:
                    entries.add(new DeviceEntry.All(offset));
                    break;
                case 2:
                case 0x46:
                    entries.add(new DeviceEntry.Select(offset, type, deviceId, -1));
                    break;
                case 0x42:
                    entries.add(new DeviceEntry.Select(offset, type, deviceId, table.u16(offset + 5, "the alias")));
                    break;
                case 3:
                case 0x47:
                case 0x43:
                    if (rangeOpen) {
                        throw table.problem(offset, "a range starts before the previous one ended");
                    }
                    rangeOpen = true;
                    entries.add(new DeviceEntry.RangeStart(offset, type, deviceId,
                            type == 0x43 ? table.u16(offset + 5, "the alias") : -1));
                    break;
                case 4:
                    if (!rangeOpen) {
                        throw table.problem(offset, "end of range without a start");
                    }
                    rangeOpen = false;
                    entries.add(new DeviceEntry.RangeEnd(offset, deviceId));
                    break;
                case 0x48:
                    entries.add(new DeviceEntry.Special(offset, table.u8(offset + 4, "the handle"),
                            table.u16(offset + 5, "the device id"), table.u8(offset + 7, "the variety")));
                    break;
                case 0xf0:
                    entries.add(new DeviceEntry.AcpiHid(offset, deviceId, table.ascii(offset + 4, 8, "the HID"),
                            table.ascii(offset + 22, size - 22, "the UID")));
                    break;
                default:
                    break; // reserved, of a known size: skipped, as Linux skips it
            }
            offset += size;
        }
        if (rangeOpen) {
            throw table.problem(end, "a range is still open at the IVHD's end");
        }
        return entries;
    }
}
