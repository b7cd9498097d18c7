package dev.irqtopo.importer.acpi.dmar;

import dev.irqtopo.importer.BadInputException;
import dev.irqtopo.importer.acpi.AcpiHeader;
import dev.irqtopo.importer.acpi.TableBytes;
import java.util.ArrayList;
import java.util.List;

/** Reads a DMAR table as /sys/firmware/acpi/tables/DMAR holds it, byte for byte. */
public final class DmarParser {

    private static final int STRUCTURES = 48;

    private DmarParser() {
    }

    public static DmarTable parse(String file, byte[] bytes) throws BadInputException {
        AcpiHeader header = AcpiHeader.read(file, bytes, "DMAR");
        TableBytes table = new TableBytes(file, bytes, header.length());
        int width = table.u8(36, "the host address width");
        int flags = table.u8(DmarTable.FLAGS_OFFSET, "the flags");
        table.u8(STRUCTURES - 1, "the reserved bytes");
        List<DmarStructure> structures = new ArrayList<>();
        int offset = STRUCTURES;
        while (offset < table.length()) {
            int type = table.u16(offset, "a remapping structure's type");
            int length = table.u16(offset + 2, "a remapping structure's length");
            if (length < 4) {
                throw table.problem(offset + 2, "remapping structure of type " + type + " with length " + length
                        + " (at least 4)");
            }
            if (offset + length > table.length()) {
                throw table.problem(offset, "truncated: remapping structure of type " + type + " and length " + length
                        + " runs past the table's end at byte " + String.format("0x%x", table.length()));
            }
            structures.add(structure(table, type, offset, length));
            offset += length;
        }
        return new DmarTable(header, width, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0, structures);
    }

    private static DmarStructure structure(TableBytes table, int type, int offset, int length) throws BadInputException {
        int end = offset + length;
        switch (type) {
            case 0:
                fixed(table, offset, length, 16, "DRHD");
                return new Drhd(offset, (table.u8(offset + 4, "the DRHD flags") & 1) != 0,
                        table.u16(offset + 6, "the DRHD segment"), table.u64(offset + 8, "the register base address"),
                        scopes(table, offset + 16, end));
            case 1:
                fixed(table, offset, length, 24, "RMRR");
                return new ReservedMemoryRegion(offset, table.u16(offset + 6, "the RMRR segment"),
                        table.u64(offset + 8, "the RMRR base"), table.u64(offset + 16, "the RMRR limit"),
                        scopes(table, offset + 24, end));
            case 2:
                fixed(table, offset, length, 8, "ATSR");
                return new AtsReporting(offset, (table.u8(offset + 4, "the ATSR flags") & 1) != 0,
                        table.u16(offset + 6, "the ATSR segment"), scopes(table, offset + 8, end));
            case 3:
                fixed(table, offset, length, 20, "RHSA");
                return new OtherStructure(offset, type, "RHSA", String.format(
                        "unit at 0x%x in proximity domain %d", table.u64(offset + 8, "the RHSA base"),
                        table.u32(offset + 16, "the proximity domain")));
            case 4:
                fixed(table, offset, length, 8, "ANDD");
                return new OtherStructure(offset, type, "ANDD", "ACPI device " + table.u8(offset + 7, "the device number")
                        + " is " + table.ascii(offset + 8, length - 8, "the object name"));
            case 5:
                fixed(table, offset, length, 8, "SATC");
                return new OtherStructure(offset, type, "SATC", scopes(table, offset + 8, end).size()
                        + " device(s) whose address translation cache is SoC-integrated");
            case 6:
                fixed(table, offset, length, 8, "SIDP");
                return new OtherStructure(offset, type, "SIDP", scopes(table, offset + 8, end).size()
                        + " SoC-integrated device(s) with properties");
            default:
                throw table.problem(offset, "unknown remapping structure type " + type
                        + " (VT-d defines 0 DRHD, 1 RMRR, 2 ATSR, 3 RHSA, 4 ANDD, 5 SATC, 6 SIDP)");
        }
    }

    private static void fixed(TableBytes table, int offset, int length, int needed, String name)
            throws BadInputException {
        if (length < needed) {
            throw table.problem(offset + 2, name + " length " + length + " is shorter than its fixed fields ("
                    + needed + " bytes)");
        }
    }

    private static List<DeviceScope> scopes(TableBytes table, int offset, int end) throws BadInputException {
        List<DeviceScope> scopes = new ArrayList<>();
        while (offset < end) {
            int code = table.u8(offset, "a device scope's type");
            int length = table.u8(offset + 1, "a device scope's length");
            if (length < 6 || length % 2 != 0) {
                throw table.problem(offset + 1, "device scope length " + length
                        + " (6 bytes and two per path entry)");
            }
            if (offset + length > end) {
                throw table.problem(offset, "truncated: device scope of length " + length
                        + " runs past its structure's end at byte " + String.format("0x%x", end));
            }
            ScopeType type = ScopeType.of(code);
            if (type == null) {
                throw table.problem(offset, "unknown device scope type " + code + " (VT-d defines 1 to 5)");
            }
            List<PathEntry> path = new ArrayList<>();
            for (int hop = offset + 6; hop < offset + length; hop += 2) {
                int device = table.u8(hop, "a path's device");
                int function = table.u8(hop + 1, "a path's function");
                if (device > 0x1f || function > 7) {
                    throw table.problem(hop, String.format("path entry %02x.%x: a device is at most 1f, a function 7",
                            device, function));
                }
                path.add(new PathEntry(device, function));
            }
            if (path.isEmpty()) {
                throw table.problem(offset, "device scope without a path");
            }
            scopes.add(new DeviceScope(offset, type, table.u8(offset + 4, "the enumeration id"),
                    table.u8(offset + 5, "the start bus"), path));
            offset += length;
        }
        return scopes;
    }
}
