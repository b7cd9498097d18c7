package dev.irqtopo.cli.explain;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.BridgeModel;
import dev.irqtopo.model.BusModel;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.GuestModel;
import dev.irqtopo.model.HypervisorModel;
import dev.irqtopo.model.IommuKind;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformDesign;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.StackModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.StorageModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code irqtopo dot}: one Graphviz graph. For each platform, one cluster holds the hardware path, CPU to
 * IOMMU (or straight to a bus no IOMMU covers) to bus, bridges and devices, with the hypervisor beside
 * it, and in red what each guest can make its devices emit (a function's DMA, a sub-device's
 * untrapped stores) up to the unit that remaps it, or the CPU; dotted blue lines join devices the IOMMU
 * sees with one requester id. One cluster per kernel holds its domain hierarchy, the vector domain at
 * the root and each stack's bus domain a leaf, with a dashed edge to the device it stores into.
 *
 * <p>A single platform is the graph itself. Several (a file that declares more than one) are one graph
 * named after the file with a cluster per platform, whose node and cluster names start with the
 * platform's name and a slash: Graphviz draws them side by side in one picture, and {@code dot -Tsvg}
 * writes one document.
 */
public final class DotGraph {

    private final PlatformModel platform;
    private final StringBuilder out;
    /** What names this platform's nodes and clusters apart from the others': empty when it is alone. */
    private final String prefix;
    /** The indent of the platform's own statements: one level deeper when it is a cluster. */
    private final String margin;
    /** The indent of the statements being written: deeper inside a cluster. */
    private String indent;

    private DotGraph(PlatformModel platform, StringBuilder out, String prefix, String margin) {
        this.platform = platform;
        this.out = out;
        this.prefix = prefix;
        this.margin = margin;
        this.indent = margin;
    }

    /**
     * The graph of the {@code platforms} of {@code file}: one platform's own {@code digraph}, or one
     * {@code digraph} named after the file with a cluster per platform, in order.
     */
    public static String render(String file, List<PlatformModel> platforms) {
        StringBuilder out = new StringBuilder();
        if (platforms.size() == 1) {
            PlatformModel platform = platforms.get(0);
            out.append("digraph ").append(id(platform.name())).append(" {\n");
            out.append("    graph [rankdir=LR, label=").append(id(title(platform))).append(", labelloc=t];\n");
            out.append("    node [shape=box];\n");
            new DotGraph(platform, out, "", "    ").body();
            out.append("}\n");
            return out.toString();
        }
        out.append("digraph ").append(id(file)).append(" {\n");
        out.append("    graph [rankdir=LR, label=").append(id(file + ": " + platforms.size() + " platforms"))
                .append(", labelloc=t];\n");
        out.append("    node [shape=box];\n");
        for (PlatformModel platform : platforms) {
            cluster(platform, out);
        }
        out.append("}\n");
        return out.toString();
    }

    /** The platform as one cluster of a graph of several, its names prefixed with its own. */
    static void cluster(PlatformModel platform, StringBuilder out) {
        out.append("    subgraph ").append(id("cluster_" + platform.name())).append(" {\n");
        out.append("        label=").append(id(title(platform))).append(";\n");
        new DotGraph(platform, out, platform.name() + "/", "        ").body();
        out.append("    }\n");
    }

    private void body() {
        hardware();
        kernel("host", Optional.empty(), platform.hostStacks());
        for (GuestModel guest : platform.guests()) {
            kernel(guest.name(), Optional.of(guest), guest.stacks());
        }
    }

    static String title(PlatformDesign platform) {
        return platform.description().isEmpty() ? platform.name() : platform.name() + ": " + platform.description();
    }

    private void hardware() {
        open("hardware");
        out.append(indent).append("label=\"hardware\";\n");
        node("cpu", "CPU", count(platform.cpu().count(), "CPU") + ", " + platform.cpu().apic().keyword());
        for (IommuModel iommu : platform.iommus()) {
            node("iommu:" + iommu.name(), "IOMMU " + iommu.name(), iommuLines(iommu).toArray(String[]::new));
        }
        platform.hypervisor().ifPresent(hv -> node("hypervisor", "hypervisor " + hv.kind().keyword(), traps(hv)));
        for (BusModel bus : platform.buses()) {
            node("bus:" + bus.name(), "Bus " + bus.name());
            for (BridgeModel bridge : bus.bridges()) {
                node("bridge:" + bridge.name(), "bridge " + bridge.name(), bridge.requesterId().toString(),
                        "alias " + bridge.alias());
            }
            for (DeviceModel device : bus.devices()) {
                node("device:" + device.name(), device.name(), deviceLines(device).toArray(String[]::new));
            }
        }
        for (IommuModel iommu : platform.iommus()) {
            edge("cpu", "iommu:" + iommu.name(), "");
        }
        platform.hypervisor().ifPresent(hv -> edge("cpu", "hypervisor", "style=dashed"));
        for (BusModel bus : platform.buses()) {
            Optional<IommuModel> covering = platform.iommus().stream().filter(i -> i.covers(bus.name())).findFirst();
            edge(covering.map(i -> "iommu:" + i.name()).orElse("cpu"), "bus:" + bus.name(), "");
            for (BridgeModel bridge : bus.bridges()) {
                edge("bus:" + bus.name(), "bridge:" + bridge.name(), "");
            }
            for (DeviceModel device : bus.devices()) {
                edge(device.bridge().map(b -> "bridge:" + b.name()).orElse("bus:" + bus.name()),
                        "device:" + device.name(), "");
            }
        }
        for (GuestModel guest : platform.guests()) {
            for (String device : guest.devices()) {
                edge("hypervisor", "device:" + device, "style=dashed, label=" + id("assigned to " + guest.name()));
            }
        }
        attacks();
        close();
    }

    /** What the IOMMU does with a message: its kind and size, and when it remaps, how it validates (§3, §6). */
    private List<String> iommuLines(IommuModel iommu) {
        List<String> lines = new ArrayList<>();
        lines.add(iommu.kind().keyword() + ", remapping " + (iommu.remapping() ? "on" : "off") + ", "
                + iommu.entries() + " entries");
        if (!iommu.remapping()) {
            return lines;
        }
        if (iommu.kind() == IommuKind.AMDVI) {
            lines.add("one table per requester id");
            return lines;
        }
        boolean bridges = platform.devices().stream()
                .anyMatch(d -> d.bridge().isPresent() && iommu.covers(d.bus()));
        lines.add("source_check " + iommu.sourceCheck().keyword() + switch (iommu.sourceCheck()) {
            case FULL -> bridges ? " (SVT 01; 10 behind a bridge)" : " (SVT 01)";
            case BUS -> " (SVT 10)";
            case OFF -> " (SVT 00)";
        });
        lines.add("compat " + (iommu.compatAllowed() ? "allowed" : "blocked")
                + (platform.cpu().apic() == ApicMode.X2APIC ? " (x2APIC: blocked)" : ""));
        lines.add("posted " + (iommu.posted() ? "on" : "off"));
        return lines;
    }

    /** A device's requester id and storages; for a guest's device, whether the hypervisor traps each store. */
    private List<String> deviceLines(DeviceModel device) {
        boolean guest = platform.owner(device.name()).isPresent();
        List<String> lines = new ArrayList<>();
        lines.add(device.requesterId() + (device.isSubDevice() ? " pasid " + device.pasid() : ""));
        for (StorageModel storage : device.storages()) {
            lines.add(storage.kind().keyword() + " " + storage.size() + (storage.maskable() ? " maskable" : "")
                    + (guest ? (DmaPaths.guestWritesReach(platform, storage) ? ", untrapped" : ", trapped") : ""));
        }
        return lines;
    }

    /**
     * What each guest can make its devices emit (§7), drawn apart from the interrupt path: a function's
     * DMA, and the untrapped stores of a sub-device, each to the remapping unit that sees it or straight
     * to the CPU; then the devices the IOMMU cannot tell apart, one dotted line per pair of neighbours.
     */
    private void attacks() {
        for (GuestModel guest : platform.guests()) {
            for (DeviceModel device : platform.devices()) {
                if (!guest.owns(device.name())) {
                    continue;
                }
                String means;
                if (device.isSubDevice()) {
                    List<String> untrapped = device.storages().stream().filter(s -> DmaPaths.guestWritesReach(platform, s))
                            .map(s -> s.kind().keyword()).toList();
                    if (untrapped.isEmpty()) {
                        continue;
                    }
                    means = String.join(", ", untrapped) + " writes";
                } else {
                    means = "DMA";
                }
                String to = DmaPaths.remapping(platform, device).map(i -> "iommu:" + i.name()).orElse("cpu");
                edge("device:" + device.name(), to, "color=red, fontcolor=red, penwidth=2, constraint=false"
                        + (device.isSubDevice() ? ", style=\"bold,dashed\"" : ", style=bold")
                        + ", label=" + id(guest.name() + " " + means + " as " + device.iommuRequesterId()));
            }
        }
        Set<DeviceModel> drawn = new HashSet<>();
        for (DeviceModel device : platform.devices()) {
            if (drawn.contains(device)) {
                continue;
            }
            List<DeviceModel> group = new ArrayList<>(List.of(device));
            group.addAll(DmaPaths.sharers(platform, device));
            drawn.addAll(group);
            for (int i = 1; i < group.size(); i++) {
                // one label per group: the dotted chain itself says the rest share it too. minlen=0 keeps
                // the devices in their rank, side by side; constraint=false would too, but beside many
                // clusters it trips Graphviz's ranking ("trouble in init_rank")
                edge("device:" + group.get(i - 1).name(), "device:" + group.get(i).name(),
                        "dir=none, style=dotted, color=blue, fontcolor=blue, minlen=0"
                                + (i == 1 ? ", label=" + id("same requester id " + device.iommuRequesterId()) : ""));
            }
        }
    }

    private void kernel(String name, Optional<GuestModel> guest, List<StackModel> stacks) {
        String own = name + "/";
        open("kernel_" + name);
        out.append(indent).append("label=").append(id(guest.isPresent() ? "guest " + name : "host")).append(";\n");
        int cpus = guest.map(GuestModel::cpus).orElse(platform.cpu().count());
        node(own + "vector", "vector", count(cpus, guest.isPresent() ? "vCPU" : "CPU"));
        if (guest.isEmpty()) {
            for (IommuModel iommu : platform.iommus()) {
                if (iommu.remapping()) {
                    node(own + "remap " + iommu.name(), "remap " + iommu.name());
                    edge(own + "vector", own + "remap " + iommu.name(), "");
                }
            }
        } else if (platform.hypervisor().map(HypervisorModel::composeHypercallUsable).orElse(false)) {
            node(own + "hcall", "hcall");
            edge(own + "vector", own + "hcall", "");
        }
        for (StackModel stack : stacks) {
            String domain = own + stack.device() + "." + stack.busDomain().keyword();
            node(domain, stack.busDomain().keyword(), stack.device() + ", alloc " + stack.alloc());
            String parent = stack.remap().map(r -> own + "remap " + r)
                    .orElse(stack.hypercall() ? own + "hcall" : own + "vector");
            edge(parent, domain, "");
        }
        close();
        for (StackModel stack : stacks) {
            edge(own + stack.device() + "." + stack.busDomain().keyword(), "device:" + stack.device(),
                    "style=dashed, label=\"stores\"");
        }
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static String traps(HypervisorModel hv) {
        return hv.traps().isEmpty() ? "traps nothing"
                : "traps " + hv.traps().stream().sorted().map(StorageKind::keyword).collect(Collectors.joining(", "));
    }

    /** Opens the cluster {@code name} of this platform; its statements go one level deeper. */
    private void open(String name) {
        out.append(margin).append("subgraph ").append(id("cluster_" + prefix + name)).append(" {\n");
        indent = margin + "    ";
    }

    private void close() {
        out.append(margin).append("}\n");
        indent = margin;
    }

    private void node(String id, String title, String... lines) {
        String label = title + (lines.length == 0 ? "" : "\n" + String.join("\n", lines));
        out.append(indent).append(id(prefix + id)).append(" [label=").append(id(label)).append("];\n");
    }

    private void edge(String from, String to, String attributes) {
        out.append(indent).append(id(prefix + from)).append(" -> ").append(id(prefix + to))
                .append(attributes.isEmpty() ? "" : " [" + attributes + "]").append(";\n");
    }

    /** A DOT string: quoted, with quotes and backslashes escaped and line ends as DOT's {@code \n}. */
    static String id(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
