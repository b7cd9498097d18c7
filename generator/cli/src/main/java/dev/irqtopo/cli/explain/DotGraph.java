package dev.irqtopo.cli.explain;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.BridgeModel;
import dev.irqtopo.model.BusModel;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.GuestModel;
import dev.irqtopo.model.HypervisorModel;
import dev.irqtopo.model.IommuKind;
import dev.irqtopo.model.IommuModel;
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
 * {@code irqtopo dot}: a Graphviz graph per platform. One cluster holds the hardware path, CPU to
 * IOMMU (or straight to a bus no IOMMU covers) to bus, bridges and devices, with the hypervisor beside
 * it, and in red what each guest can make its devices emit (a function's DMA, a sub-device's
 * untrapped stores) up to the unit that remaps it, or the CPU; dotted blue lines join devices the IOMMU
 * sees with one requester id. One cluster per kernel holds its domain hierarchy, the vector domain at
 * the root and each stack's bus domain a leaf, with a dashed edge to the device it stores into.
 */
public final class DotGraph {

    private final PlatformModel platform;
    private final StringBuilder out = new StringBuilder();
    /** The indent of the statements being written: deeper inside a cluster. */
    private String indent = "    ";

    private DotGraph(PlatformModel platform) {
        this.platform = platform;
    }

    /** One {@code digraph} per platform, in order. */
    public static String render(List<PlatformModel> platforms) {
        return platforms.stream().map(p -> new DotGraph(p).graph()).collect(Collectors.joining("\n"));
    }

    private String graph() {
        out.append("digraph ").append(id(platform.name())).append(" {\n");
        out.append("    graph [rankdir=LR, label=").append(id(title())).append(", labelloc=t];\n");
        out.append("    node [shape=box];\n");
        hardware();
        kernel("host", Optional.empty(), platform.hostStacks());
        for (GuestModel guest : platform.guests()) {
            kernel(guest.name(), Optional.of(guest), guest.stacks());
        }
        out.append("}\n");
        return out.toString();
    }

    private String title() {
        return platform.description().isEmpty() ? platform.name() : platform.name() + ": " + platform.description();
    }

    private void hardware() {
        out.append("    subgraph \"cluster_hardware\" {\n");
        indent = "        ";
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
        out.append("    }\n");
        indent = "    ";
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
                // one label per group: the dotted chain itself says the rest share it too
                edge("device:" + group.get(i - 1).name(), "device:" + group.get(i).name(),
                        "dir=none, style=dotted, color=blue, fontcolor=blue, constraint=false"
                                + (i == 1 ? ", label=" + id("same requester id " + device.iommuRequesterId()) : ""));
            }
        }
    }

    private void kernel(String name, Optional<GuestModel> guest, List<StackModel> stacks) {
        String prefix = name + "/";
        out.append("    subgraph ").append(id("cluster_kernel_" + name)).append(" {\n");
        indent = "        ";
        out.append(indent).append("label=").append(id(guest.isPresent() ? "guest " + name : "host")).append(";\n");
        int cpus = guest.map(GuestModel::cpus).orElse(platform.cpu().count());
        node(prefix + "vector", "vector", count(cpus, guest.isPresent() ? "vCPU" : "CPU"));
        if (guest.isEmpty()) {
            for (IommuModel iommu : platform.iommus()) {
                if (iommu.remapping()) {
                    node(prefix + "remap " + iommu.name(), "remap " + iommu.name());
                    edge(prefix + "vector", prefix + "remap " + iommu.name(), "");
                }
            }
        } else if (platform.hypervisor().map(HypervisorModel::composeHypercallUsable).orElse(false)) {
            node(prefix + "hcall", "hcall");
            edge(prefix + "vector", prefix + "hcall", "");
        }
        for (StackModel stack : stacks) {
            String domain = prefix + stack.device() + "." + stack.busDomain().keyword();
            node(domain, stack.busDomain().keyword(), stack.device() + ", alloc " + stack.alloc());
            String parent = stack.remap().map(r -> prefix + "remap " + r)
                    .orElse(stack.hypercall() ? prefix + "hcall" : prefix + "vector");
            edge(parent, domain, "");
        }
        out.append("    }\n");
        indent = "    ";
        for (StackModel stack : stacks) {
            edge(prefix + stack.device() + "." + stack.busDomain().keyword(), "device:" + stack.device(),
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

    private void node(String id, String title, String... lines) {
        String label = title + (lines.length == 0 ? "" : "\n" + String.join("\n", lines));
        out.append(indent).append(id(id)).append(" [label=").append(id(label)).append("];\n");
    }

    private void edge(String from, String to, String attributes) {
        out.append(indent).append(id(from)).append(" -> ").append(id(to))
                .append(attributes.isEmpty() ? "" : " [" + attributes + "]").append(";\n");
    }

    /** A DOT string: quoted, with quotes and backslashes escaped and line ends as DOT's {@code \n}. */
    static String id(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
