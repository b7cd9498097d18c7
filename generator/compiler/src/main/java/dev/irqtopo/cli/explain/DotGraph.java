package dev.irqtopo.cli.explain;

import dev.irqtopo.model.BusModel;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.GuestModel;
import dev.irqtopo.model.HypervisorModel;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.StackModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.StorageModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code irqtopo dot}: a Graphviz graph per platform. One cluster holds the hardware path, CPU to
 * IOMMU (or straight to the bridge of a bus no IOMMU covers) to bridge, bus and devices, with the
 * hypervisor beside it; one cluster per kernel holds its domain hierarchy, the vector domain at the
 * root and each stack's bus domain a leaf, with a dashed edge to the device it stores into.
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
            node("iommu:" + iommu.name(), "IOMMU " + iommu.name(), iommu.kind().keyword() + ", remapping "
                    + (iommu.remapping() ? "on" : "off") + ", " + iommu.entries() + " entries");
        }
        platform.hypervisor().ifPresent(hv -> node("hypervisor", "hypervisor " + hv.kind().keyword(), traps(hv)));
        for (BusModel bus : platform.buses()) {
            node("bridge:" + bus.name(), "Bridge");
            node("bus:" + bus.name(), "Bus " + bus.name());
            for (DeviceModel device : bus.devices()) {
                List<String> lines = new ArrayList<>();
                lines.add(device.requesterId() + (device.isSubDevice() ? " pasid " + device.pasid() : ""));
                for (StorageModel storage : device.storages()) {
                    lines.add(storage.kind().keyword() + " " + storage.size()
                            + (storage.maskable() ? " maskable" : ""));
                }
                node("device:" + device.name(), device.name(), lines.toArray(String[]::new));
            }
        }
        for (IommuModel iommu : platform.iommus()) {
            edge("cpu", "iommu:" + iommu.name(), "");
        }
        platform.hypervisor().ifPresent(hv -> edge("cpu", "hypervisor", "style=dashed"));
        for (BusModel bus : platform.buses()) {
            Optional<IommuModel> covering = platform.iommus().stream().filter(i -> i.covers(bus.name())).findFirst();
            edge(covering.map(i -> "iommu:" + i.name()).orElse("cpu"), "bridge:" + bus.name(), "");
            edge("bridge:" + bus.name(), "bus:" + bus.name(), "");
            for (DeviceModel device : bus.devices()) {
                edge("bus:" + bus.name(), "device:" + device.name(), "");
            }
        }
        for (GuestModel guest : platform.guests()) {
            for (String device : guest.devices()) {
                edge("hypervisor", "device:" + device, "style=dashed, label=" + id("assigned to " + guest.name()));
            }
        }
        out.append("    }\n");
        indent = "    ";
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
        } else if (platform.hypervisor().map(hv -> hv.composeHypercall() && hv.cpuidVisible()).orElse(false)) {
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
