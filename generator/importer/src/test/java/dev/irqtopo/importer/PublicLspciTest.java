package dev.irqtopo.importer;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.importer.archive.CollectedFiles;
import dev.irqtopo.importer.pci.MsiCapability;
import dev.irqtopo.importer.pci.MsixCapability;
import dev.irqtopo.importer.pci.PciAddress;
import dev.irqtopo.importer.pci.PciFunction;
import dev.irqtopo.importer.pci.SriovCapability;
import dev.irqtopo.importer.pci.lspci.LspciVerboseParser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Excerpts of {@code lspci -vv} published from real machines (fixtures/public-lspci, sources in the
 * fixtures' README): printed without {@code -nn}, indented with spaces, with more MSI-X vectors and VFs
 * than QEMU's devices have.
 */
class PublicLspciTest {

    @Test
    void x550tHasSixtyFourVectorsAndSixtyFourVfsNoneEnabled() throws BadInputException {
        PciFunction nic = only("public-lspci/x550t.txt");
        assertThat(nic.address()).isEqualTo(PciAddress.parse("05:00.0"));
        assertThat(nic.msi()).isEqualTo(Optional.of(new MsiCapability(1, true)));
        assertThat(nic.msix()).isEqualTo(Optional.of(new MsixCapability(64)));
        // "Initial VFs: 64, Total VFs: 64, Number of VFs: 0" and "VF offset: 128, stride: 2"
        assertThat(nic.sriov()).isEqualTo(Optional.of(new SriovCapability(64, 0, 128, 2)));
        assertThat(nic.pcieToPciBridge()).isFalse();
        assertThat(nic.bridge()).isFalse();
    }

    @Test
    void e810HasAThousandAndTwentyFourVectors() throws BadInputException {
        PciFunction nic = only("public-lspci/e810.txt");
        assertThat(nic.address()).isEqualTo(PciAddress.parse("01:00.0"));
        assertThat(nic.msi()).isEqualTo(Optional.of(new MsiCapability(1, true)));
        assertThat(nic.msix()).isEqualTo(Optional.of(new MsixCapability(1024)));
        assertThat(nic.sriov()).isEmpty();
    }

    @Test
    void bothImportWithoutTablesIntoOneUncoveredBus() throws BadInputException {
        String text = Fixtures.text("public-lspci/x550t.txt") + "\n" + Fixtures.text("public-lspci/e810.txt");
        Importer.Result result = Importer.run(new CollectedFiles("public-lspci",
                Map.of(CollectedFiles.LSPCI_VERBOSE, text.getBytes(java.nio.charset.StandardCharsets.UTF_8))), "Servers");
        assertThat(result.design()).contains("    bus pci {\n");
        assertThat(result.design()).contains("//   SR-IOV: 0 VFs enabled of 64, first VF at routing id offset 128, stride 2\n"
                + "        device dev_05_00_0 05:00.0 { msi 1 maskable; msix 64; }");
        assertThat(result.design()).contains("device dev_01_00_0 01:00.0 { msi 1 maskable; msix 1024; }");
        // no IOMMU: the stacks go straight to the vector domain
        assertThat(result.design()).contains("// stack dev_01_00_0.msix: vector -> msix alloc 1;");
        assertThat(result.findings().stream().map(Object::toString).toList())
                .containsAtLeast("note: no DMAR or IVRS table: no IOMMU declared", "note: no cpuinfo: one CPU assumed");
    }

    private static PciFunction only(String fixture) throws BadInputException {
        List<PciFunction> functions = LspciVerboseParser.parse("lspci-vvv.txt", Fixtures.text(fixture));
        assertThat(functions).hasSize(1);
        return functions.get(0);
    }
}
