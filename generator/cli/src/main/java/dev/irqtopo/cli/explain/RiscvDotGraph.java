package dev.irqtopo.cli.explain;

import dev.irqtopo.model.BridgeModel;
import dev.irqtopo.model.BusModel;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.RiscvPlatformModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.StorageModel;
import dev.irqtopo.model.riscv.ImsicStackModel;
import dev.irqtopo.model.riscv.RiscvGuestModel;
import dev.irqtopo.model.riscv.RiscvIommuModel;
import dev.irqtopo.runtime.message.Hex;
import dev.irqtopo.runtime.riscv64.DeviceTranslation;
import dev.irqtopo.runtime.riscv64.GuestImsic;
import dev.irqtopo.runtime.riscv64.RiscvPlatform;
import dev.irqtopo.runtime.riscv64.RiscvStackResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code irqtopo dot} for a riscv64 platform, in the shape of {@link Arm64DotGraph}: a hardware cluster
 * with the harts and their IMSIC interrupt files, each RISC-V IOMMU with its MSI translation, the buses
 * (through the IOMMU that covers them), bridges and devices, and in red the interrupt files each guest's
 * function writes reach through its device context. One cluster per kernel holds its domain hierarchy:
 * {@code imsic -> bus domain}, a guest's over the guest files behind its vCPUs; a dashed edge joins each
 * bus domain to the device it stores into, and a guest stack backed by host identities to the host's
 * IMSIC.
 */
public final class RiscvDotGraph {

    private final RiscvPlatformModel platform;
    private final RiscvPlatform booted;
    private final StringBuilder out;
    private final String prefix;
    private final String margin;
    private String indent;

    private RiscvDotGraph(RiscvPlatformModel platform, StringBuilder out, String prefix, String margin) {
        this.platform = platform;
        this.booted = RiscvPlatform.create(platform);
        this.out = out;
        this.prefix = prefix;
        this.margin = margin;
        this.indent = margin;
    }

    /** The platform's own {@code digraph}. */
    public static String render(RiscvPlatformModel platform) {
        StringBuilder out = new StringBuilder();
        out.append("digraph ").append(DotGraph.id(platform.name())).append(" {\n");
        out.append("    graph [rankdir=LR, label=").append(DotGraph.id(DotGraph.title(platform))).append(", labelloc=t];\n");
        out.append("    node [shape=box];\n");
        new RiscvDotGraph(platform, out, "", "    ").body();
        out.append("}\n");
        return out.toString();
    }

    /** The platform as one cluster of a graph of several. */
    static void cluster(RiscvPlatformModel platform, StringBuilder out) {
        out.append("    subgraph ").append(DotGraph.id("cluster_" + platform.name())).append(" {\n");
        out.append("        label=").append(DotGraph.id(DotGraph.title(platform))).append(";\n");
        new RiscvDotGraph(platform, out, platform.name() + "/", "        ").body();
        out.append("    }\n");
    }

    private void body() {
        List<RiscvStackResult> stacks = booted.boot();
        hardware();
        kernel(RiscvPlatform.HOST, Optional.empty(), platform.hostStacks(), stacks);
        for (RiscvGuestModel guest : platform.guests()) {
            kernel(guest.name(), Optional.of(guest), guest.stacks(), stacks);
        }
    }

    private void hardware() {
        open("hardware");
        out.append(indent).append("label=\"hardware\";\n");
        int harts = platform.imsic().harts().count();
        node("harts", "harts", count(harts, "hart") + ", riscv64");
        node("imsic", "IMSIC", "supervisor-level files at 0x" + Hex.of(platform.imsic().page(
                dev.irqtopo.model.riscv.InterruptFile.supervisor(0)), 8),
                platform.imsic().supervisorIds() + " identities each, identity 1 the IPI",
                count(platform.imsic().guestFiles(), "guest file") + " per hart, " + platform.imsic().guestIds()
                        + " identities each");
        for (RiscvIommuModel iommu : platform.iommus()) {
            node("iommu:" + iommu.name(), "IOMMU " + iommu.name(), "msi " + iommu.msi().keyword(),
                    "covers " + String.join(", ", covered(iommu)));
        }
        platform.hypervisor().ifPresent(hv -> node("hypervisor", "hypervisor kvm", traps(hv.traps())));
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
        edge("harts", "imsic", "label=\"interrupt files\"");
        platform.hypervisor().ifPresent(hv -> edge("harts", "hypervisor", "style=dashed"));
        for (BusModel bus : platform.buses()) {
            Optional<RiscvIommuModel> iommu = platform.iommus().stream().filter(i -> i.covers(bus.name())).findFirst();
            if (iommu.isPresent()) {
                edge("imsic", "iommu:" + iommu.get().name(), "");
                edge("iommu:" + iommu.get().name(), "bus:" + bus.name(), "");
            } else {
                edge("imsic", "bus:" + bus.name(), "label=\"no IOMMU\"");
            }
            for (BridgeModel bridge : bus.bridges()) {
                edge("bus:" + bus.name(), "bridge:" + bridge.name(), "");
            }
            for (DeviceModel device : bus.devices()) {
                edge(device.bridge().map(b -> "bridge:" + b.name()).orElse("bus:" + bus.name()), "device:" + device.name(), "");
            }
        }
        for (RiscvGuestModel guest : platform.guests()) {
            for (String device : guest.devices()) {
                edge("hypervisor", "device:" + device, "style=dashed, label=" + DotGraph.id("assigned to " + guest.name()));
            }
        }
        attacks();
        close();
    }

    private List<String> covered(RiscvIommuModel iommu) {
        return platform.buses().stream().map(BusModel::name).filter(iommu::covers).toList();
    }

    private List<String> deviceLines(DeviceModel device) {
        boolean guest = platform.owner(device.name()).isPresent();
        List<String> lines = new ArrayList<>();
        lines.add(device.requesterId() + (device.isSubDevice() ? " pasid " + device.pasid() : ""));
        DeviceTranslation translation = booted.translation(device);
        lines.add("msi " + translation.word() + (guest || !translation.contextOwner().equals(RiscvPlatform.HOST)
                ? ", context of " + translation.contextOwner() : ""));
        for (StorageModel storage : device.storages()) {
            lines.add(storage.kind().keyword() + " " + storage.size() + (guest
                    ? platform.hypervisor().orElseThrow().traps(storage.kind()) ? ", trapped" : ", untrapped" : ""));
        }
        return lines;
    }

    /**
     * In red, what an assigned function's writes reach: with a translating device context, the guest files
     * (or MRIFs) of the context's owner; with none, every interrupt file of the IMSIC.
     */
    private void attacks() {
        for (RiscvGuestModel guest : platform.guests()) {
            for (DeviceModel device : booted.devices()) {
                if (!guest.owns(device.name()) || device.isSubDevice()) {
                    continue;
                }
                DeviceTranslation translation = booted.translation(device);
                String what;
                if (!translation.translatesMsis()) {
                    what = guest.name() + " DMA: every interrupt file (msi " + translation.word() + ")";
                } else {
                    Optional<GuestImsic> owner = booted.guest(translation.contextOwner());
                    what = guest.name() + " DMA: " + (translation.word().equals("mrif")
                            ? "the MRIFs of " + translation.contextOwner() + "'s vCPUs"
                            : "guest files of " + translation.contextOwner() + " (" + owner.map(RiscvDotGraph::filesOf)
                                    .orElse("none") + ")");
                }
                edge("device:" + device.name(), "imsic", "color=red, fontcolor=red, penwidth=2,"
                        + " constraint=false, style=bold, label=" + DotGraph.id(what));
            }
        }
    }

    private static String filesOf(GuestImsic guest) {
        List<String> files = new ArrayList<>();
        for (int vcpu = 0; vcpu < guest.vcpus(); vcpu++) {
            files.add(guest.backing(vcpu).word());
        }
        return String.join(", ", files);
    }

    private void kernel(String name, Optional<RiscvGuestModel> guest, List<ImsicStackModel> declared,
                        List<RiscvStackResult> stacks) {
        String own = name + "/";
        open("kernel_" + name);
        out.append(indent).append("label=").append(DotGraph.id(guest.isPresent() ? "guest " + name : "host")).append(";\n");
        if (guest.isPresent()) {
            GuestImsic imsic = booted.guest(name).orElseThrow();
            node(own + "imsic", "imsic", count(guest.get().cpus(), "vCPU") + ", guest files " + filesOf(imsic),
                    "pages at 0x" + Hex.of(GuestImsic.BASE, 8));
        } else {
            node(own + "imsic", "imsic", count(platform.imsic().harts().count(), "hart") + ", supervisor-level files");
        }
        for (ImsicStackModel stack : declared) {
            String domain = own + stack.device() + "." + stack.busDomain().keyword();
            node(domain, stack.busDomain().keyword(), stack.device() + ", alloc " + stack.alloc());
            edge(own + "imsic", domain, "");
        }
        close();
        for (ImsicStackModel stack : declared) {
            String domain = own + stack.device() + "." + stack.busDomain().keyword();
            edge(domain, "device:" + stack.device(), "style=dashed, label=\"stores\"");
            Optional<RiscvStackResult> result = stacks.stream().filter(s -> s.kernel().equals(name)
                    && s.device().equals(stack.device()) && s.storage() == stack.storage()).findFirst();
            if (guest.isPresent() && result.isPresent() && !result.get().backing().isEmpty()) {
                edge(domain, RiscvPlatform.HOST + "/imsic", "style=dotted, label=\"VFIO backs it with host identities\"");
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
