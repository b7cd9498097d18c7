package dev.irqtopo.runtime.sim;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.model.StorageKind.MSIX;
import static dev.irqtopo.testing.PlatformBuilder.amdViUnit;
import static dev.irqtopo.testing.PlatformBuilder.covering;
import static dev.irqtopo.testing.PlatformBuilder.device;
import static dev.irqtopo.testing.PlatformBuilder.msix;
import static dev.irqtopo.testing.PlatformBuilder.platform;
import static dev.irqtopo.testing.PlatformBuilder.remapStack;
import static dev.irqtopo.testing.PlatformBuilder.vtdUnit;
import static dev.irqtopo.testing.PlatformBuilder.withRemappingOff;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RequesterId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code tables}: every present entry of each IOMMU, AMD-Vi's by requester id then index, a unit with
 * remapping off without a table, one unit on its own, and an AMD-Vi entry whose destination the 32-bit
 * format cannot hold.
 */
class TablesTest {

    /**
     * CPU 1 has APIC ID 0x100. ivhd0 covers pci0, where nic (03:00.0) takes entries 0 and 1 of its table
     * (slot 1 on CPU 1) and ssd (01:00.0) entry 0 of its own; dmar1 covers pci1 with remapping off.
     */
    private static PlatformModel model() {
        return platform("Tables")
                .apicIds(ApicMode.X2APIC, 0, 0x100)
                .iommu(covering(amdViUnit("ivhd0", 512), "pci0"))
                .iommu(covering(withRemappingOff(vtdUnit("dmar1")), "pci1"))
                .bus("pci0", device("nic", "03:00.0", msix(4)), device("ssd", "01:00.0", msix(4)))
                .bus("pci1", device("gpu", "04:00.0", msix(1)))
                .host(remapStack("nic", MSIX, "ivhd0", 2), remapStack("ssd", MSIX, "ivhd0", 1))
                .build();
    }

    @Test
    void amdViEntriesComeByRequesterIdThenIndex() {
        TablesReport report = Tables.run(model(), Optional.empty());
        assertThat(report.iommus().stream().map(RemapTable::iommu).toList()).containsExactly("ivhd0", "dmar1").inOrder();
        List<RemapTable.Row> rows = report.iommus().get(0).rows();
        assertThat(rows.stream().map(r -> ((RemapTable.AmdViRow) r).table() + " " + r.index()).toList())
                .containsExactly("01:00.0 0", "03:00.0 0", "03:00.0 1").inOrder();
        RemapTable.AmdViRow onCpu1 = (RemapTable.AmdViRow) rows.get(2);
        assertThat(onCpu1.table()).isEqualTo(RequesterId.parse("03:00.0"));
        assertThat(onCpu1.entry().destination()).isEqualTo(0x100);
        assertThat(onCpu1.irte()).isEmpty();
        assertThat(report.iommus().get(1).remapping()).isFalse();
        assertThat(report.iommus().get(1).rows()).isEmpty();

        assertThat(TablesText.render(List.of(report))).isEqualTo("""
                platform Tables
                  ivhd0: amdvi, 3 present entries, 512 in each requester id's table
                    table    index  RemapEn  SupIOPF  IntType  RqEoi  DM  GuestMode  Destination  Vector  IRTE
                    01:00.0  0      1        0        000      0      0   0          0x00         0x22    0x00220001
                    03:00.0  0      1        0        000      0      0   0          0x00         0x21    0x00210001
                    03:00.0  1      1        -        -        -      -   -          0x100        0x21    - (the destination needs the 128-bit format)
                  dmar1: vtd, remapping off: no table
                """);
    }

    @Test
    void oneIommuAlone() {
        TablesReport report = Tables.run(model(), Optional.of("dmar1"));
        assertThat(report.iommus().stream().map(RemapTable::iommu).toList()).containsExactly("dmar1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tables.run(model(), Optional.of("x")));
        assertThat(e).hasMessageThat().isEqualTo("no IOMMU x on platform Tables");
    }
}
