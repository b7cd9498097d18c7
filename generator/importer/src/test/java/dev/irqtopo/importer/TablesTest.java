package dev.irqtopo.importer;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.irqtopo.importer.acpi.dmar.DmarParser;
import dev.irqtopo.importer.acpi.dmar.DmarTable;
import dev.irqtopo.importer.acpi.dmar.Drhd;
import dev.irqtopo.importer.acpi.dmar.ScopeType;
import dev.irqtopo.importer.acpi.ivrs.DeviceEntry;
import dev.irqtopo.importer.acpi.ivrs.Ivhd;
import dev.irqtopo.importer.acpi.ivrs.IvrsParser;
import dev.irqtopo.importer.acpi.ivrs.IvrsTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DMAR and IVRS parsers on QEMU's tables, iasl's templates, and broken copies of them. */
class TablesTest {

    @Test
    void qemuDmarHasOneUnitWithTheIoapicAndExplicitScopes() throws BadInputException {
        DmarTable dmar = DmarParser.parse("DMAR", Fixtures.bytes("qemu-q35-vtd/DMAR"));
        assertThat(dmar.header().oemId()).isEqualTo("BOCHS");
        assertThat(dmar.intrRemap()).isTrue();
        assertThat(dmar.x2apicOptOut()).isFalse();
        Drhd unit = dmar.units().get(0);
        assertThat(unit.includePciAll()).isFalse();
        assertThat(unit.registerBase()).isEqualTo(0xfed90000L);
        assertThat(unit.scopes()).hasSize(10);
        assertThat(unit.scopes().get(0).type()).isEqualTo(ScopeType.IOAPIC);
        assertThat(unit.scopes().get(0).pathText()).isEqualTo("ff:00.0");
        assertThat(unit.scopes().get(5).type()).isEqualTo(ScopeType.PCI_SUB_HIERARCHY);
    }

    /*
     * QEMU's IVRS (fixtures/qemu-q35-amdvi/IVRS, 256 bytes), read off `xxd IVRS` with the AMD IOMMU
     * specification (48882) at hand. The header's IVinfo at byte 36 is 01 28 00 00: 0x2801, EFRSup
     * (bit 0) and a 40-bit physical address size (bits 14:8 = 0x28). Blocks start at byte 48 (0x30):
     *
     *   0x30  10 d1 6000 0800 4000 | 0000d8fe00000000 | 0000 0000 | 44000000
     *         type 10h, flags d1h, length 0x60, IOMMU device id 0x0008 = 00:01.0, capability at 0x40,
     *         registers at 0xfed80000, segment 0, IOMMU info 0, feature reporting 0x44; entries from 0x48
     *   0x90  11 11 7000 0800 4000 | 0000d8fe00000000 | 0000 0000 | 00000000 | d329000000000000 | 8 x 00
     *         type 11h, flags 11h, length 0x70, the same IOMMU, EFR image 0x29d3; entries from 0xb8
     *
     * Both blocks then hold the same 72 bytes of entries (type, device id little-endian, DTE setting):
     *   02 0000 00  02 0800 00  02 1000 00  02 1800 00  02 2000 00  02 2800 00  02 0001 00
     *               select 00:00.0, 00:01.0 (0x0008), 00:02.0 (0x0010) ... 00:05.0 (0x0028), 01:00.0 (0x0100)
     *   43 0002 00 00 0002 00   alias start of range 0x0200 = 02:00.0; the alias, bytes 5-6, is 0x0200 too
     *   04 ff02 00              end of range 0x02ff = 02:1f.7
     *   02 3000 00              select 0x0030 = 00:06.0
     *   03 0003 00  04 ff03 00  start of range 03:00.0, end of range 03:1f.7
     *   02 f800 00  02 fa00 00  02 fb00 00   select 00:1f.0, 00:1f.2, 00:1f.3
     *   48 0000 00 00 a000 01   special: handle (byte 4) 0, device id (bytes 5-6) 0x00a0 = 00:14.0,
     *                           variety (byte 7) 1 = IOAPIC
     */
    @Test
    void qemuIvrsDescribesOneIommuTwiceWithTheSameEntries() throws BadInputException {
        IvrsTable ivrs = IvrsParser.parse("IVRS", Fixtures.bytes("qemu-q35-amdvi/IVRS"));
        assertThat(ivrs.header().oemId()).isEqualTo("BOCHS");
        assertThat(ivrs.header().length()).isEqualTo(256);
        assertThat(ivrs.ivInfo()).isEqualTo(0x2801L);
        assertThat(ivrs.blocks()).hasSize(2);

        Ivhd type10 = ivrs.ivhds().get(0);
        assertThat(type10.offset()).isEqualTo(0x30);
        assertThat(type10.type()).isEqualTo(0x10);
        assertThat(type10.flags()).isEqualTo(0xd1);
        assertThat(type10.deviceId()).isEqualTo(0x0008);
        assertThat(type10.baseAddress()).isEqualTo(0xfed80000L);
        assertThat(type10.segment()).isEqualTo(0);
        assertThat(type10.efr()).isEqualTo(0); // type 10h carries no EFR image

        Ivhd type11 = ivrs.ivhds().get(1);
        assertThat(type11.offset()).isEqualTo(0x90);
        assertThat(type11.type()).isEqualTo(0x11);
        assertThat(type11.flags()).isEqualTo(0x11);
        assertThat(type11.deviceId()).isEqualTo(0x0008);
        assertThat(type11.baseAddress()).isEqualTo(0xfed80000L);
        assertThat(type11.efr()).isEqualTo(0x29d3L);
        assertThat(type11.x2apicSupported()).isFalse(); // EFR bit 2 clear: 0x29d3 = 0b10_1001_1101_0011

        // Linux reads the type 11h block of an IOMMU described twice
        assertThat(ivrs.iommus()).containsExactly(type11);

        List<DeviceEntry> expected = List.of(
                new DeviceEntry.Select(0xb8, 2, 0x0000, -1),
                new DeviceEntry.Select(0xbc, 2, 0x0008, -1),
                new DeviceEntry.Select(0xc0, 2, 0x0010, -1),
                new DeviceEntry.Select(0xc4, 2, 0x0018, -1),
                new DeviceEntry.Select(0xc8, 2, 0x0020, -1),
                new DeviceEntry.Select(0xcc, 2, 0x0028, -1),
                new DeviceEntry.Select(0xd0, 2, 0x0100, -1),
                new DeviceEntry.RangeStart(0xd4, 0x43, 0x0200, 0x0200),
                new DeviceEntry.RangeEnd(0xdc, 0x02ff),
                new DeviceEntry.Select(0xe0, 2, 0x0030, -1),
                new DeviceEntry.RangeStart(0xe4, 3, 0x0300, -1),
                new DeviceEntry.RangeEnd(0xe8, 0x03ff),
                new DeviceEntry.Select(0xec, 2, 0x00f8, -1),
                new DeviceEntry.Select(0xf0, 2, 0x00fa, -1),
                new DeviceEntry.Select(0xf4, 2, 0x00fb, -1),
                new DeviceEntry.Special(0xf8, 0, 0x00a0, 1));
        assertThat(type11.entries()).containsExactlyElementsIn(expected).inOrder();
        // the type 10h block's entries are the same, 0x70 bytes earlier
        assertThat(type10.entries().stream().map(e -> e.offset() + 0x70).toList())
                .containsExactlyElementsIn(expected.stream().map(DeviceEntry::offset).toList()).inOrder();
        assertThat(type10.entries().get(7)).isEqualTo(new DeviceEntry.RangeStart(0x64, 0x43, 0x0200, 0x0200));
        assertThat(type10.entries().get(15)).isEqualTo(new DeviceEntry.Special(0x88, 0, 0x00a0, 1));

        DeviceEntry.Special ioapic = (DeviceEntry.Special) type11.entries().get(15);
        assertThat(ioapic.varietyName()).isEqualTo("IOAPIC");
    }

    @Test
    void iaslTemplateHasEveryDmarStructure() throws BadInputException {
        DmarTable dmar = DmarParser.parse("DMAR", Fixtures.bytes("iasl/DMAR"));
        assertThat(dmar.structures().stream().map(s -> s.getClass().getSimpleName()).distinct().toList())
                .containsAtLeast("Drhd", "ReservedMemoryRegion", "AtsReporting", "OtherStructure");
        assertThat(dmar.units().get(0).includePciAll()).isTrue();
    }

    @Test
    void iaslTemplateHasIvhdsWithAliasAndSpecialEntries() throws BadInputException {
        IvrsTable ivrs = IvrsParser.parse("IVRS", Fixtures.bytes("iasl/IVRS"));
        assertThat(ivrs.ivhds()).isNotEmpty();
        assertThat(ivrs.ivhds().get(0).entries().stream().anyMatch(e -> e instanceof DeviceEntry.Special)).isTrue();
        assertThat(ivrs.ivhds().get(0).entries().stream()
                .anyMatch(e -> e instanceof DeviceEntry.Select && ((DeviceEntry.Select) e).alias() >= 0)).isTrue();
    }

    @Test
    void badTablesAreOneLineNamingTheFileAndOffset() {
        assertThat(problem("DMAR", "iasl/DMAR-bad-checksum")).isEqualTo(
                "DMAR at byte 0x9: wrong checksum 0x" + String.format("%02x", Fixtures.bytes("iasl/DMAR")[9] & 0xff)
                        + ": the table's bytes sum to 0x10, not 0");
        assertThat(problem("DMAR", "iasl/DMAR-truncated")).startsWith("DMAR at byte 0x3c: truncated");
        assertThat(problem("DMAR", "iasl/DMAR-unknown-type")).isEqualTo(
                "DMAR at byte 0x30: unknown remapping structure type 9 (VT-d defines 0 DRHD, 1 RMRR, 2 ATSR, 3 RHSA, "
                        + "4 ANDD, 5 SATC, 6 SIDP)");
        assertThat(problem("IVRS", "iasl/IVRS-truncated")).startsWith("IVRS at byte 0x46: truncated");
        assertThat(problem("IVRS", "iasl/IVRS-unknown-type")).startsWith("IVRS at byte 0x30: unknown block type 55h");
        assertThat(problem("IVRS", "qemu-q35-vtd/DMAR")).isEqualTo("IVRS at byte 0x0: signature \"DMAR\", expected \"IVRS\"");
    }

    private static String problem(String table, String fixture) {
        byte[] bytes = Fixtures.bytes(fixture);
        BadInputException e = assertThrows(BadInputException.class, () -> {
            if (table.equals("DMAR")) {
                DmarParser.parse(table, bytes);
            } else {
                IvrsParser.parse(table, bytes);
            }
        });
        assertThat(e).hasMessageThat().doesNotContain("\n");
        return e.getMessage();
    }
}
