package dev.irqtopo.importer;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.irqtopo.importer.acpi.dmar.DmarParser;
import dev.irqtopo.importer.acpi.dmar.DmarTable;
import dev.irqtopo.importer.acpi.dmar.Drhd;
import dev.irqtopo.importer.acpi.dmar.ScopeType;
import dev.irqtopo.importer.acpi.ivrs.DeviceEntry;
import dev.irqtopo.importer.acpi.ivrs.IvrsParser;
import dev.irqtopo.importer.acpi.ivrs.IvrsTable;
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
