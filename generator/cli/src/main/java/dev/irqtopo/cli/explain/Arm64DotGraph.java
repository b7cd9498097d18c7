package dev.irqtopo.cli.explain;

import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.BridgeModel;
import dev.irqtopo.model.BusModel;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.StorageModel;
import dev.irqtopo.model.arm.Arm64GuestModel;
import dev.irqtopo.model.arm.GicStackModel;
import dev.irqtopo.model.arm.ItsModel;
import dev.irqtopo.model.arm.MsiMap;
import dev.irqtopo.model.arm.MsiMapEntry;
import dev.irqtopo.model.arm.V2mFrameModel;
import dev.irqtopo.runtime.arm64.Arm64Platform;
import dev.irqtopo.runtime.arm64.GuestIts;
import dev.irqtopo.runtime.message.Hex;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code irqtopo dot} for an arm64 platform, in the shape of {@link DotGraph}: a hardware cluster with
 * the CPUs, the GIC, its ITS units and GICv2m frames, the SMMU, each bus under the controllers its
 * {@code msi_map} names (through the SMMU when it covers the bus), bridges and devices, and in red what
 * each guest can make its functions write: the doorbells its DMA reaches (every one without an SMMU,
 * its own with one), with the DeviceID it presents there. One cluster per kernel holds its domain
 * hierarchy: {@code gic -> its|v2m -> bus domain}, a guest's through its virtual ITS; a dashed edge
 * joins each bus domain to the device it stores into, and a trapped guest stack to the host controller
 * VFIO backs it with.
 */
public final class Arm64DotGraph {

    private final Arm64PlatformModel platform;
    private final Arm64Platform booted;
    private final StringBuilder out;
    private final String prefix;
    private final String margin;
    private String indent;

    private Arm64DotGraph(Arm64PlatformModel platform, StringBuilder out, String prefix, String margin) {
        this.platform = platform;
        this.booted = Arm64Platform.create(platform);
        this.out = out;
        this.prefix = prefix;
        this.margin = margin;
        this.indent = margin;
    }

    /** The platform's own {@code digraph}. */
    public static String render(Arm64PlatformModel platform) {
        StringBuilder out = new StringBuilder();
        out.append("digraph ").append(DotGraph.id(platform.name())).append(" {\n");
        out.append("    graph [rankdir=LR, label=").append(DotGraph.id(DotGraph.title(platform))).append(", labelloc=t];\n");
        out.append("    node [shape=box];\n");
        new Arm64DotGraph(platform, out, "", "    ").body();
        out.append("}\n");
        return out.toString();
    }

    /** The platform as one cluster of a graph of several. */
    static void cluster(Arm64PlatformModel platform, StringBuilder out) {
        out.append("    subgraph ").append(DotGraph.id("cluster_" + platform.name())).append(" {\n");
        out.append("        label=").append(DotGraph.id(DotGraph.title(platform))).append(";\n");
        new Arm64DotGraph(platform, out, platform.name() + "/", "        ").body();
        out.append("    }\n");
    }

    private void body() {
        booted.boot();
        hardware();
        kernel(Arm64Platform.HOST, Optional.empty(), platform.hostStacks());
        for (Arm64GuestModel guest : platform.guests()) {
            kernel(guest.name(), Optional.of(guest), guest.stacks());
        }
    }

    private void hardware() {
        open("hardware");
        out.append(indent).append("label=\"hardware\";\n");
        node("cpu", "CPU", count(platform.cpus().count(), "CPU") + ", arm64");
        node("gic", "GIC v" + platform.gic().version(), platform.gic().idBits() + " INTID bits");
        for (ItsModel its : platform.gic().its()) {
            node("its:" + its.name(), "ITS " + its.name(), "GITS_TRANSLATER 0x" + Hex.of(its.doorbell(), 8),
                    its.deviceIdBits() + " DeviceID bits, " + its.eventIdBits() + " EventID bits");
        }
        for (V2mFrameModel frame : platform.gic().v2m()) {
            node("v2m:" + frame.name(), "GICv2m " + frame.name(), "MSI_SETSPI_NS 0x" + Hex.of(frame.doorbell(), 8),
                    "SPIs " + frame.firstSpi() + ".." + (frame.firstSpi() + frame.spiCount() - 1), "reads no DeviceID");
        }
        List<String> covered = platform.buses().stream().map(BusModel::name).filter(platform.smmuCovered()::contains).toList();
        if (!covered.isEmpty()) {
            node("smmu", "SMMU", "covers " + String.join(", ", covered), "maps each device's own doorbell page");
        }
        platform.hypervisor().ifPresent(hv -> node("hypervisor", "hypervisor kvm", traps(hv.traps()),
                "vlpi " + (hv.vlpi() ? "on" : "off")));
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
        edge("cpu", "gic", "");
        platform.gic().its().forEach(its -> edge("gic", "its:" + its.name(), "label=\"LPIs\""));
        platform.gic().v2m().forEach(f -> edge("gic", "v2m:" + f.name(), "label=\"SPIs\""));
        if (!covered.isEmpty()) {
            for (String controller : controllers(covered)) {
                edge(controller(controller), "smmu", "");
            }
        }
        platform.hypervisor().ifPresent(hv -> edge("cpu", "hypervisor", "style=dashed"));
        for (BusModel bus : platform.buses()) {
            boolean smmu = platform.smmuCovered().contains(bus.name());
            if (smmu) {
                edge("smmu", "bus:" + bus.name(), "");
            } else {
                for (String controller : controllers(List.of(bus.name()))) {
                    edge(controller(controller), "bus:" + bus.name(), "label=" + DotGraph.id(mapLabel(bus.name(), controller)));
                }
            }
            for (BridgeModel bridge : bus.bridges()) {
                edge("bus:" + bus.name(), "bridge:" + bridge.name(), "");
            }
            for (DeviceModel device : bus.devices()) {
                edge(device.bridge().map(b -> "bridge:" + b.name()).orElse("bus:" + bus.name()), "device:" + device.name(), "");
            }
        }
        for (Arm64GuestModel guest : platform.guests()) {
            for (String device : guest.devices()) {
                edge("hypervisor", "device:" + device, "style=dashed, label=" + DotGraph.id("assigned to " + guest.name()));
            }
        }
        attacks();
        close();
    }

    /** The MSI controllers the buses' requester ids reach: their msi_map lines' controllers, or the only one. */
    private Set<String> controllers(List<String> buses) {
        Set<String> controllers = new LinkedHashSet<>();
        for (String bus : buses) {
            MsiMap map = platform.msiMaps().get(bus);
            if (map != null) {
                map.entries().forEach(e -> controllers.add(e.controller()));
            } else if (platform.gic().its().size() + platform.gic().v2m().size() == 1) {
                controllers.add(platform.gic().its().isEmpty() ? platform.gic().v2m().get(0).name()
                        : platform.gic().its().get(0).name());
            }
        }
        return controllers;
    }

    private String controller(String name) {
        return platform.gic().its(name).isPresent() ? "its:" + name : "v2m:" + name;
    }

    private String mapLabel(String bus, String controller) {
        MsiMap map = platform.msiMaps().get(bus);
        if (map == null) {
            return platform.gic().its(controller).isPresent() ? "DeviceID = requester id" : "";
        }
        return map.entries().stream().filter(e -> e.controller().equals(controller)).map(Arm64DotGraph::line)
                .collect(Collectors.joining("\n"));
    }

    private static String line(MsiMapEntry e) {
        return "msi_map 0x" + Long.toHexString(e.ridBase()) + " +0x" + Long.toHexString(e.length()) + " -> 0x"
                + Long.toHexString(e.msiBase());
    }

    private List<String> deviceLines(DeviceModel device) {
        boolean guest = platform.owner(device.name()).isPresent();
        List<String> lines = new ArrayList<>();
        lines.add(device.requesterId() + (device.isSubDevice() ? " pasid " + device.pasid() : ""));
        booted.ownController(device).ifPresent(c -> {
            OptionalLong id = platform.gic().its(c).isPresent() ? booted.deviceId(device, c) : OptionalLong.empty();
            lines.add(id.isPresent() ? "DeviceID 0x" + Long.toHexString(id.getAsLong()) + " at " + c : "at " + c);
        });
        for (StorageModel storage : device.storages()) {
            lines.add(storage.kind().keyword() + " " + storage.size() + (guest
                    ? platform.hypervisor().orElseThrow().traps(storage.kind()) ? ", trapped" : ", untrapped" : ""));
        }
        return lines;
    }

    /** In red, each doorbell an assigned function's DMA reaches, with the DeviceID it presents there. */
    private void attacks() {
        for (Arm64GuestModel guest : platform.guests()) {
            for (DeviceModel device : platform.devices()) {
                if (!guest.owns(device.name()) || device.isSubDevice()) {
                    continue;
                }
                List<String> reached = new ArrayList<>();
                if (platform.smmuCovers(device)) {
                    booted.ownController(device).ifPresent(reached::add);
                } else {
                    platform.gic().its().forEach(i -> reached.add(i.name()));
                    platform.gic().v2m().forEach(f -> reached.add(f.name()));
                }
                for (String controller : reached) {
                    OptionalLong id = platform.gic().its(controller).isPresent() ? booted.deviceId(device, controller)
                            : OptionalLong.empty();
                    String as = platform.gic().its(controller).isEmpty() ? "no DeviceID"
                            : id.isPresent() ? "DeviceID 0x" + Long.toHexString(id.getAsLong()) : "no DeviceID";
                    edge("device:" + device.name(), controller(controller), "color=red, fontcolor=red, penwidth=2,"
                            + " constraint=false, style=bold, label=" + DotGraph.id(guest.name() + " DMA as " + as));
                }
            }
        }
    }

    private void kernel(String name, Optional<Arm64GuestModel> guest, List<GicStackModel> stacks) {
        String own = name + "/";
        open("kernel_" + name);
        out.append(indent).append("label=").append(DotGraph.id(guest.isPresent() ? "guest " + name : "host")).append(";\n");
        int cpus = guest.map(Arm64GuestModel::cpus).orElse(platform.cpus().count());
        node(own + "gic", "gic", count(cpus, guest.isPresent() ? "vCPU" : "CPU"));
        Set<String> parents = new LinkedHashSet<>();
        if (guest.isPresent()) {
            node(own + "its", "its", "virtual ITS, doorbell 0x" + Hex.of(GuestIts.DOORBELL, 8));
            edge(own + "gic", own + "its", "");
        } else {
            stacks.forEach(s -> parents.add(s.controller().orElseThrow()));
            for (String controller : parents) {
                node(own + controller(controller), platform.gic().its(controller).isPresent() ? "its " + controller
                        : "v2m " + controller);
                edge(own + "gic", own + controller(controller), "");
            }
        }
        for (GicStackModel stack : stacks) {
            String domain = own + stack.device() + "." + stack.busDomain().keyword();
            node(domain, stack.busDomain().keyword(), stack.device() + ", alloc " + stack.alloc());
            edge(guest.isPresent() ? own + "its" : own + controller(stack.controller().orElseThrow()), domain, "");
        }
        close();
        for (GicStackModel stack : stacks) {
            String domain = own + stack.device() + "." + stack.busDomain().keyword();
            edge(domain, "device:" + stack.device(), "style=dashed, label=\"stores\"");
            if (guest.isPresent() && platform.hypervisor().orElseThrow().traps(stack.storage())) {
                booted.ownController(platform.device(stack.device()).orElseThrow()).ifPresent(c -> edge(domain,
                        controller(c), "style=dotted, label=" + DotGraph.id("VFIO backs it on " + c)));
            }
        }
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static String traps(Set<StorageKind> traps) {
        return traps.isEmpty() ? "traps nothing"
                : "traps " + traps.stream().sorted().map(StorageKind::keyword).collect(Collectors.joining(", "));
    }

    private void open(String name) {
        out.append(margin).append("subgraph ").append(DotGraph.id("cluster_" + prefix + name)).append(" {\n");
        indent = margin + "    ";
    }

    private void close() {
        out.append(margin).append("}\n");
        indent = margin;
    }

    private void node(String id, String title, String... lines) {
        String label = title + (lines.length == 0 ? "" : "\n" + String.join("\n", lines));
        out.append(indent).append(DotGraph.id(prefix + id)).append(" [label=").append(DotGraph.id(label)).append("];\n");
    }

    private void edge(String from, String to, String attributes) {
        out.append(indent).append(DotGraph.id(prefix + from)).append(" -> ").append(DotGraph.id(prefix + to))
                .append(attributes.isEmpty() ? "" : " [" + attributes + "]").append(";\n");
    }
}
