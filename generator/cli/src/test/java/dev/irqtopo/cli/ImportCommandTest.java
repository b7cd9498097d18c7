package dev.irqtopo.cli;

import static com.google.common.truth.Truth.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** collect on this machine, import of QEMU's firmware, and bad input: one line, nothing written. */
class ImportCommandTest {

    @TempDir
    Path dir;

    @Test
    void qemuVtdMachineImportsChecksAndVerifiesIsolated() {
        Path design = dir.resolve("q35.irqtopo");
        CommandRun run = CommandRun.of("import", fixture("qemu-q35-vtd/collect.tar.gz"), "-o", design.toString(),
                "--platform", "Q35");
        assertThat(run.err()).contains("wrote " + design);
        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.err()).doesNotContain("warning");
        CommandRun verify = CommandRun.of("verify", design.toString());
        assertThat(verify.exit()).isEqualTo(0);
        assertThat(verify.out()).contains("platform Q35");
    }

    @Test
    void qemuAmdViMachineImportsChecksAndVerifiesIsolated() throws Exception {
        Path design = dir.resolve("q35-amdvi.irqtopo");
        CommandRun run = CommandRun.of("import", fixture("qemu-q35-amdvi/collect.tar.gz"), "-o", design.toString(),
                "--platform", "Q35AmdVi");
        assertThat(run.exit()).isEqualTo(0);
        // the one finding: the IVHD 10h block that the 11h block describes again
        assertThat(run.err()).isEqualTo("irqtopo import: note: IVRS byte 0x30: IVHD type 10h describes an IOMMU a "
                + "block of a higher type describes again: Linux reads that one\n"
                + "irqtopo import: wrote " + design + "\n");
        String text = Files.readString(design);
        assertThat(text).contains("iommu amdvi ivhd0 {");
        assertThat(text).contains("//   IVRS byte 0xf8: special IOAPIC 0 at 00:14.0");
        // behind the PCIe-to-PCI bridge, covered by the alias range of its secondary bus
        assertThat(text).contains("//   covered: IVRS byte 0xd4: range from 02:00.0, seen as its alias 02:00.0, "
                + "range to 02:1f.7\n            device dev_02_01_0 02:01.0 { msi 1; }");
        assertThat(text).contains("device dev_03_10_2 03:10.2 { msix 3; }");

        CommandRun check = CommandRun.of("check", design.toString());
        assertThat(check.exit()).isEqualTo(0);
        assertThat(check.err()).isEmpty();
        CommandRun verify = CommandRun.of("verify", design.toString());
        assertThat(verify.exit()).isEqualTo(0);
        assertThat(verify.out()).isEqualTo("platform Q35AmdVi: isolated, as expected\n");
    }

    @Test
    void aDmarTableAloneGivesACheckedFile() throws Exception {
        Path tables = Files.createDirectory(dir.resolve("tables"));
        Files.copy(Path.of(fixture("qemu-q35-vtd/DMAR")), tables.resolve("DMAR"));
        CommandRun run = CommandRun.of("import", tables.toString());
        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.err()).contains("note: no cpuinfo: one CPU assumed");
        assertThat(run.out()).contains("device dev_00_1f_2 00:1f.2 { }");
        assertThat(run.out()).contains("ioapic ioapic0 ff:00.0 { }");
    }

    @Test
    void badInputIsOneLineAndNothingIsWritten() throws Exception {
        Path tables = Files.createDirectory(dir.resolve("bad"));
        Files.copy(Path.of(fixture("iasl/DMAR-truncated")), tables.resolve("DMAR"));
        Path design = dir.resolve("never.irqtopo");
        CommandRun run = CommandRun.of("import", tables.toString(), "-o", design.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("irqtopo import: DMAR at byte 0x3c: truncated");
        assertThat(run.err().strip().lines().count()).isEqualTo(1);
        assertThat(Files.exists(design)).isFalse();

        CommandRun empty = CommandRun.of("import", Files.createDirectory(dir.resolve("empty")).toString());
        assertThat(empty.exit()).isEqualTo(1);
        assertThat(empty.err()).contains("none of the files import reads");
        assertThat(CommandRun.of("import", dir.resolve("absent.tar.gz").toString()).exit()).isEqualTo(2);
    }

    @Test
    void collectRunsHereAndItsArchiveImports() throws Exception {
        Path archive = dir.resolve("here.tar.gz");
        CommandRun collect = CommandRun.of("collect", "-o", archive.toString());
        assertThat(collect.exit()).isEqualTo(0);
        assertThat(collect.out()).contains("wrote " + archive);
        CommandRun run = CommandRun.of("import", archive.toString(), "-o", dir.resolve("here.irqtopo").toString());
        assertThat(run.exit()).isEqualTo(0);
    }

    @Test
    void printScriptShowsTheShellScript() {
        CommandRun run = CommandRun.of("collect", "--print-script");
        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.out()).startsWith("#!/bin/sh\n# irqtopo-collect");
    }

    private static String fixture(String name) {
        try {
            return Path.of(ImportCommandTest.class.getResource("/fixtures/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
