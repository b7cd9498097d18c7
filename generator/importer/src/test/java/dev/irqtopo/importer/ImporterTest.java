package dev.irqtopo.importer;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.importer.archive.CollectedFilesReader;
import dev.irqtopo.importer.design.Finding;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** What import makes of the archives collected in QEMU's q35 machines. */
class ImporterTest {

    @Test
    void amdViArchiveGivesOneUnitCoveringEveryFunction() throws IOException, BadInputException {
        Importer.Result result = Importer.run(CollectedFilesReader.read(Fixtures.path("qemu-q35-amdvi/collect.tar.gz")),
                "Q35AmdVi");
        assertThat(result.findings()).containsExactly(Finding.note("IVRS byte 0x30", "IVHD type 10h describes an "
                + "IOMMU a block of a higher type describes again: Linux reads that one"));
        String design = result.design();
        assertThat(design).contains("    iommu amdvi ivhd0 {\n        remapping on;");
        // the IVHD selects every function; only the IOMMU's own is on the bus no IOMMU covers
        assertThat(design).contains("    bus pci { // functions no IOMMU covers\n"
                + "        // 00:01.0 IOMMU [0806]: Advanced Micro Devices, Inc. [AMD] Family 15h (Models 10h-1fh) I/O Memory "
                + "Management Unit [1022:1419] (lspci-vvv.txt line 7)\n"
                + "        //   the IOMMU of IVRS byte 0x90 itself: in no IOMMU group, Linux takes its interrupt outside "
                + "remapping\n"
                + "        device dev_00_01_0 00:01.0 { msi 1; }\n"
                + "    }\n");
        // the VFs fall in the range 03:00.0 to 03:1f.7, not in a select of their own
        assertThat(design).contains("//   covered: IVRS byte 0xe4: range from 03:00.0, range to 03:1f.7\n"
                + "        device dev_03_10_0 03:10.0 { msix 3; }");
    }

    /*
     * QEMU puts the AMD IOMMU on the root bus as 00:01.0, and its IVHD selects it (IVRS byte 0xbc). In the
     * guest Linux left it out of every IOMMU group (iommu-groups.txt), and its enabled MSI holds
     * address 0xfee01004, data 0x0021 (lspci-vvv.txt line 13): compatibility format, destination APIC 1,
     * vector 0x21, not a remapped message. So it is on the bus no IOMMU covers, and its proposed stack
     * has no remap link; every other one has.
     */
    @Test
    void theAmdIommusOwnFunctionIsProposedWithoutRemapping() throws IOException, BadInputException {
        String design = Importer.run(CollectedFilesReader.read(Fixtures.path("qemu-q35-amdvi/collect.tar.gz")), "Q")
                .design();
        assertThat(design).contains("        // stack dev_00_01_0.msi: vector -> msi alloc 1;\n");
        assertThat(design).contains("// stack dev_00_02_0.msix: vector -> remap ivhd0 -> msix alloc 1;");
        assertThat(design.lines().filter(l -> l.contains("// stack ")).count()).isEqualTo(11);
        assertThat(design.lines().filter(l -> l.contains("-> remap ivhd0 ->")).count()).isEqualTo(10);
    }

    @Test
    void vtdArchiveProposesEveryStackThroughTheUnit() throws IOException, BadInputException {
        String design = Importer.run(CollectedFilesReader.read(Fixtures.path("qemu-q35-vtd/collect.tar.gz")), "Q")
                .design();
        assertThat(design).doesNotContain("bus pci {");
        assertThat(design.lines().filter(l -> l.contains("// stack ")).count()).isEqualTo(10);
        assertThat(design.lines().filter(l -> l.contains("-> remap dmar0 ->")).count()).isEqualTo(10);
    }
}
