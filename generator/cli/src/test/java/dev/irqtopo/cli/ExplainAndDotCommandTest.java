package dev.irqtopo.cli;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.compiler.TestSources;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code irqtopo explain} and {@code irqtopo dot} on the language's example. */
class ExplainAndDotCommandTest {

    private static final String EXAMPLE = TestSources.resource("golden/ims-in-guest.irqtopo").toString();

    @Test
    void explainDrawsEachStacksBoundariesWithItsStepsAligned() {
        CommandRun run = CommandRun.of("explain", EXAMPLE);
        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.err()).isEmpty();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("platform ImsInGuest");
        int title = lines.indexOf("host: stack nic.msix: vector -> remap dmar0 -> msix alloc 4");
        assertThat(title).isAtLeast(0);
        String diagram = lines.get(title + 1);
        assertThat(diagram).containsMatch(
                "^\\s+\\[CPU\\]\\s+-- \\[IOMMU dmar0\\]\\s+-- \\[Bridge\\]\\s+-- Bus pci0\\s+-- \\[Device nic\\]$");
        List<String> steps = lines.subList(title + 2, title + 6);
        assertThat(steps.stream().map(l -> l.trim().split(" ")[0]).toList())
                .containsExactly("Alloc", "Compose", "Store", "Use").inOrder();
        // each cell starts in the column of the part it is under
        assertThat(steps.get(0).indexOf("vector (CPU, vector)")).isEqualTo(diagram.indexOf("[CPU]"));
        assertThat(steps.get(0).indexOf("remap dmar0 (entry)")).isEqualTo(diagram.indexOf("[IOMMU dmar0]"));
        assertThat(steps.get(1).indexOf("remap dmar0 (remappable format)")).isEqualTo(diagram.indexOf("[IOMMU dmar0]"));
        assertThat(steps.get(2).indexOf("msix (table entry)")).isEqualTo(diagram.indexOf("Bus pci0"));
        assertThat(steps.get(3).indexOf("transports")).isEqualTo(diagram.indexOf("[Bridge]"));
        assertThat(steps.get(3).indexOf("emits, as 03:00.0")).isEqualTo(diagram.indexOf("[Device nic]"));
        assertThat(lines.get(title + 6))
                .isEqualTo("  Trap: none, and no hypercall: the host stores into its own device directly.");

        assertThat(run.out()).contains("\nvm0: stack nicvf.msix: vector -> msix alloc 2\n");
        assertThat(run.out()).contains("  Trap: the hypervisor intercepts the store into msix");
        assertThat(run.out()).contains("\nvm0: stack nicvf.ims: vector -> hcall -> ims alloc 16\n");
        assertThat(run.out()).contains("  Hypercall: once vm0's vector domain has chosen a vCPU and vector");
        // then what the guest can make its function emit, after every stack
        int path = lines.indexOf("vm0: assigned nicvf, function 03:00.1");
        assertThat(path).isGreaterThan(lines.indexOf("vm0: stack nicvf.ims: vector -> hcall -> ims alloc 16"));
        assertThat(lines.get(path + 1)).isEqualTo("  emits       any memory write: vm0 programs its DMA");
        assertThat(lines.get(path + 2)).isEqualTo("  seen as     03:00.1, its own requester id");
                assertThat(lines.stream().allMatch(l -> l.length() <= 140)).isTrue();
    }

    @Test
    void explainAndDotSelectAPlatformOrRefuseTheFile() throws Exception {
        assertThat(CommandRun.of("explain", EXAMPLE, "--platform", "ImsInGuest").exit()).isEqualTo(0);
        CommandRun unknown = CommandRun.of("explain", EXAMPLE, "--platform", "Nope");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("declares no platform Nope");
        CommandRun missing = CommandRun.of("dot", "/nonexistent/x.irqtopo");
        assertThat(missing.exit()).isEqualTo(2);
        java.nio.file.Path bad = java.nio.file.Files.createTempFile("bad", ".irqtopo");
        java.nio.file.Files.writeString(bad, "platform P { }\n");
        for (String command : List.of("explain", "dot")) {
            CommandRun run = CommandRun.of(command, bad.toString());
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err()).contains("[IRQ030]");
            assertThat(run.out()).isEmpty();
        }
        java.nio.file.Files.delete(bad);
    }

    @Test
    void dotDrawsTheHardwarePathAndEachKernelsHierarchy() {
        CommandRun run = CommandRun.of("dot", EXAMPLE);
        assertThat(run.exit()).isEqualTo(0);
        String dot = run.out();
        assertThat(dot).startsWith("digraph \"ImsInGuest\" {\n");
        assertThat(dot).endsWith("}\n");
        assertThat(dot).contains("\"cpu\" -> \"iommu:dmar0\";");
        assertThat(dot).contains("\"iommu:dmar0\" -> \"bus:pci0\";");
        assertThat(dot).contains("\"iommu:dmar0\" [label=\"IOMMU dmar0\\nvtd, remapping on, 65536 entries\\n"
                + "source_check full (SVT 01)\\ncompat blocked (x2APIC: blocked)\\nposted off\"];");
        assertThat(dot).contains("\"bus:pci0\" -> \"device:nicvf\";");
        assertThat(dot).contains("\"hypervisor\" -> \"device:nicvf\" [style=dashed, label=\"assigned to vm0\"];");
        assertThat(dot).contains("subgraph \"cluster_kernel_host\" {");
        assertThat(dot).contains("\"host/vector\" -> \"host/remap dmar0\";");
        assertThat(dot).contains("\"host/remap dmar0\" -> \"host/nic.msix\";");
        assertThat(dot).contains("\"vm0/vector\" -> \"vm0/hcall\";");
        assertThat(dot).contains("\"vm0/hcall\" -> \"vm0/nicvf.ims\";");
        assertThat(dot).contains("\"vm0/vector\" -> \"vm0/nicvf.msix\";");
        assertThat(dot).contains("\"vm0/nicvf.ims\" -> \"device:nicvf\" [style=dashed, label=\"stores\"];");
        assertThat(dot).contains("\"device:nicvf\" [label=\"nicvf\\n03:00.1\\nmsix 8, trapped\\nims queue 2048, untrapped\"];");
        assertThat(dot).contains("\"device:nic\" [label=\"nic\\n03:00.0\\nmsix 64\"];");
        // the guest drives nicvf's DMA: an edge of its own style up to the remapping unit
        assertThat(dot).contains("\"device:nicvf\" -> \"iommu:dmar0\" [color=red, fontcolor=red, penwidth=2,"
                + " constraint=false, style=bold, label=\"vm0 DMA as 03:00.1\"];");

        // every edge joins declared nodes, and the braces balance
        Set<String> nodes = new HashSet<>();
        Matcher node = Pattern.compile("(?m)^\\s*(\"[^\"]*\") \\[label=").matcher(dot);
        while (node.find()) {
            nodes.add(node.group(1));
        }
        List<String> ends = new ArrayList<>();
        Matcher edge = Pattern.compile("(?m)^\\s*(\"[^\"]*\") -> (\"[^\"]*\")").matcher(dot);
        while (edge.find()) {
            ends.add(edge.group(1));
            ends.add(edge.group(2));
        }
        assertThat(ends).isNotEmpty();
        assertThat(nodes).containsAtLeastElementsIn(new HashSet<>(ends));
        assertThat(dot.chars().filter(c -> c == '{').count()).isEqualTo(dot.chars().filter(c -> c == '}').count());
    }

    @Test
    void dotEscapesQuotesAndBackslashes() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("q", ".irqtopo");
        java.nio.file.Files.writeString(file, "platform Q \"a \\\"quoted\\\" \\\\ word\" { cpu x86 { cpus 1; } }\n"
                + "platform R { cpu x86 { cpus 1; } }\n");
        CommandRun run = CommandRun.of("dot", file.toString());
        java.nio.file.Files.delete(file);
        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.out()).contains("label=\"Q: a \\\"quoted\\\" \\\\ word\"");
        // two platforms: one graph named after the file, a cluster each, their names apart
        assertThat(run.out()).startsWith("digraph \"" + file.getFileName() + "\" {\n");
        assertThat(run.out().split("(?m)^digraph ", -1)).hasLength(2);
        assertThat(run.out()).contains("    subgraph \"cluster_R\" {\n");
        assertThat(run.out()).contains("\"R/cpu\" [label=\"CPU\\n1 CPU, xapic\"];");
        assertThat(run.out()).contains("\"Q/cpu\" [label=\"CPU\\n1 CPU, xapic\"];");
    }
}
