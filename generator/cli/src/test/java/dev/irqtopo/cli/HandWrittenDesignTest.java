package dev.irqtopo.cli;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A design written by hand for a QEMU machine, and the one imported from what was collected inside it,
 * simulate alike: with the same host stacks, every interrupt gets the same irq, CPU, vector, remap entry,
 * message and delivery, every remap entry the same bits, and isolation the same verdict.
 */
class HandWrittenDesignTest {

    /** The hand-written design's names, and the importer's for the same functions. */
    private static final Map<String, String> VTD_NAMES = Map.ofEntries(
            Map.entry("host_bridge", "dev_00_00_0"), Map.entry("virtio_net", "dev_00_01_0"),
            Map.entry("e1000e", "dev_00_02_0"), Map.entry("edu0", "dev_00_03_0"), Map.entry("rp1", "dev_00_04_0"),
            Map.entry("rp2", "dev_00_05_0"), Map.entry("lpc", "dev_00_1f_0"), Map.entry("ahci", "dev_00_1f_2"),
            Map.entry("smbus", "dev_00_1f_3"), Map.entry("pcibr", "br_01_00_0"), Map.entry("edu1", "dev_02_01_0"),
            Map.entry("igb", "dev_03_00_0"), Map.entry("igb_vf0", "dev_03_10_0"), Map.entry("igb_vf1", "dev_03_10_2"),
            Map.entry("pci0", "pci_dmar0"));

    private static final Pattern STACK_COMMENT = Pattern.compile("(?m)^\\s*// (stack .*;)$");

    @TempDir
    Path dir;

    /** The AMD machine's names: QEMU's IOMMU function takes 00:01.0, and the rest move one slot on. */
    private static final Map<String, String> AMDVI_NAMES = Map.ofEntries(
            Map.entry("host_bridge", "dev_00_00_0"), Map.entry("amdvi_fn", "dev_00_01_0"),
            Map.entry("virtio_net", "dev_00_02_0"), Map.entry("e1000e", "dev_00_03_0"), Map.entry("edu0", "dev_00_04_0"),
            Map.entry("rp1", "dev_00_05_0"), Map.entry("rp2", "dev_00_06_0"), Map.entry("lpc", "dev_00_1f_0"),
            Map.entry("ahci", "dev_00_1f_2"), Map.entry("smbus", "dev_00_1f_3"), Map.entry("pcibr", "br_01_00_0"),
            Map.entry("edu1", "dev_02_01_0"), Map.entry("igb", "dev_03_00_0"), Map.entry("igb_vf0", "dev_03_10_0"),
            Map.entry("igb_vf1", "dev_03_10_2"), Map.entry("pci0", "pci_ivhd0"), Map.entry("iommu_bus", "pci"));

    @Test
    void qemuQ35VtdByHandAndImportedSimulateAlike() throws IOException {
        List<String> handStacks = assertAlike("qemu-q35-vtd", "Q35", VTD_NAMES, 10);
        assertThat(handStacks).contains("stack edu1.msi: vector -> remap dmar0 -> msi alloc 1;");
        for (String profile : List.of("", "kernel linux 6.1;")) {
            // the edu behind the PCIe-to-PCI bridge has its entry bound to the bridge's bus (SVT 10, bus 02 to 02)
            Path handFile = write("hand.irqtopo", withHost(hand("qemu-q35-vtd"), profile, handStacks));
            assertThat(CommandRun.of("tables", handFile.toString()).out()).containsMatch("0x0202  00  10 ");
        }
    }

    @Test
    void qemuQ35AmdViByHandAndImportedSimulateAlike() throws IOException {
        List<String> handStacks = assertAlike("qemu-q35-amdvi", "Q35AmdVi", AMDVI_NAMES, 11);
        // the IOMMU's own interrupt is not remapped; the edu behind the bridge is, with the bridge's alias
        assertThat(handStacks).contains("stack amdvi_fn.msi: vector -> msi alloc 1;");
        assertThat(handStacks).contains("stack edu1.msi: vector -> remap ivhd0 -> msi alloc 1;");
        Path handFile = write("hand.irqtopo", withHost(hand("qemu-q35-amdvi"), "", handStacks));
        String tables = CommandRun.of("tables", handFile.toString()).out();
        assertThat(tables).containsMatch("(?m)^    02:00\\.0  0      1 "); // edu1's entry, in its alias's table
        assertThat(tables).doesNotContainMatch("(?m)^    0(0:01\\.0|2:01\\.0) ");
    }

    /**
     * Imports the archive, gives both designs the stacks the import proposes (under the design profile
     * and under Linux 6.1, the archives' kernel) and asserts that check, simulate, tables and verify print
     * the same, names mapped, with every stack's interrupt delivered. Returns the hand design's stacks.
     */
    private List<String> assertAlike(String machine, String platform, Map<String, String> names, int stackCount)
            throws IOException {
        CommandRun imported = CommandRun.of("import", fixture(machine + "/collect.tar.gz"), "--platform", platform);
        assertThat(imported.exit()).isEqualTo(0);

        // the stacks the imported file proposes, kept as a user would keep them, in both files
        List<String> stacks = STACK_COMMENT.matcher(imported.out()).results().map(m -> m.group(1)).toList();
        assertThat(stacks).hasSize(stackCount);
        List<String> handStacks = stacks.stream().map(s -> rename(s, inverse(names))).toList();

        for (String profile : List.of("", "kernel linux 6.1;")) {
            Path importedFile = write("imported.irqtopo", withHost(imported.out(), profile, stacks));
            Path handFile = write("hand.irqtopo", withHost(hand(machine), profile, handStacks));
            for (String command : List.of("check", "simulate", "tables", "verify")) {
                CommandRun fromImport = CommandRun.of(command, importedFile.toString());
                CommandRun byHand = CommandRun.of(command, handFile.toString());
                assertThat(byHand.exit()).isEqualTo(0);
                assertThat(byHand.err()).isEmpty();
                assertThat(fromImport.exit()).isEqualTo(0);
                assertThat(rename(byHand.out(), names)).isEqualTo(fromImport.out());
            }
            // not alike by being empty: every stack delivered its interrupt
            String simulation = CommandRun.of("simulate", handFile.toString()).out();
            assertThat(Pattern.compile("delivered host cpu").matcher(simulation).results().count()).isEqualTo(stackCount);
        }
        return handStacks;
    }

    private static String hand(String machine) throws IOException {
        return Files.readString(Path.of(fixture("by-hand/" + machine + ".irqtopo")));
    }

    private static String withHost(String design, String profile, List<String> stacks) {
        StringBuilder lines = new StringBuilder();
        if (!profile.isEmpty()) {
            lines.append("        ").append(profile).append('\n');
        }
        stacks.forEach(stack -> lines.append("        ").append(stack).append('\n'));
        assertThat(design).contains("\n    host {\n");
        return design.replace("\n    host {\n", "\n    host {\n" + lines);
    }

    /** Replaces whole names, longest first, so that {@code igb} never replaces part of {@code igb_vf0}. */
    private static String rename(String text, Map<String, String> names) {
        String alternatives = String.join("|", names.keySet().stream()
                .sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).toList());
        return Pattern.compile("\\b(" + alternatives + ")\\b").matcher(text)
                .replaceAll(m -> Matcher.quoteReplacement(names.get(m.group(1))));
    }

    private static Map<String, String> inverse(Map<String, String> names) {
        return names.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String fixture(String name) {
        try {
            return Path.of(HandWrittenDesignTest.class.getResource("/fixtures/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
