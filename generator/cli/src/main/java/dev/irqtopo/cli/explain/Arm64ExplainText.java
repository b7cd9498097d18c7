package dev.irqtopo.cli.explain;

import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.arm.Arm64GuestModel;
import dev.irqtopo.model.arm.GicStackModel;
import dev.irqtopo.model.arm.MsiMapLookup;
import dev.irqtopo.runtime.arm64.Arm64Platform;
import dev.irqtopo.runtime.arm64.Arm64StackResult;
import dev.irqtopo.runtime.arm64.ArmVector;
import dev.irqtopo.runtime.arm64.DeviceDma;
import dev.irqtopo.runtime.arm64.GuestIts;
import dev.irqtopo.runtime.arm64.isolation.Arm64Finding;
import dev.irqtopo.runtime.arm64.isolation.Arm64IsolationAnalysis;
import dev.irqtopo.runtime.arm64.isolation.Arm64IsolationReport;
import dev.irqtopo.runtime.message.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * {@code irqtopo explain} for an arm64 platform: per stack, booted as {@code simulate} boots it, the
 * boundary diagram — Alloc (the ITS's events and LPIs, or a GICv2m frame's SPIs), Compose (the doorbell
 * and the EventID or SPI), Store, Use (the device's write, the DeviceID the root complex adds, the
 * ITS's lookup) — then, per device assigned to a guest, what the guest can make it emit and what stops
 * it: the DeviceID and its ITT, the SMMU's MSI window; a GICv2m frame stops nothing.
 */
public final class Arm64ExplainText {

    private Arm64ExplainText() {
    }

    public static String render(Arm64PlatformModel model) {
        Arm64Platform platform = Arm64Platform.create(model);
        List<Arm64StackResult> stacks = platform.boot();
        StringBuilder out = new StringBuilder("platform ").append(model.name()).append(" (arm64)\n");
        if (stacks.isEmpty()) {
            out.append("\n  no stacks: no kernel allocates an interrupt\n");
        }
        for (Arm64StackResult stack : stacks) {
            out.append('\n');
            (stack.isHost() ? host(platform, stack) : guest(platform, stack)).render(out);
        }
        Arm64IsolationReport report = Arm64IsolationAnalysis.analyze(platform);
        for (Arm64GuestModel guest : model.guests()) {
            for (DeviceModel device : model.devices()) {
                if (guest.owns(device.name())) {
                    out.append('\n');
                    assigned(platform, guest, device, report, out);
                }
            }
        }
        return out.toString();
    }

    private static String title(Arm64Platform platform, Arm64StackResult s) {
        Arm64PlatformModel model = platform.model();
        List<GicStackModel> declared = s.isHost() ? model.hostStacks() : model.guest(s.kernel()).orElseThrow().stacks();
        int alloc = declared.stream().filter(d -> d.device().equals(s.device()) && d.storage() == s.storage())
                .findFirst().orElseThrow().alloc();
        return s.kernel() + ": stack " + s.device() + "." + s.storage().busDomain().keyword() + ": "
                + String.join(" -> ", s.chain()) + " alloc " + alloc;
    }

    private static Arm64Diagram host(Arm64Platform platform, Arm64StackResult s) {
        DeviceModel device = platform.device(s.device());
        String storage = s.storage().busDomain().keyword();
        boolean its = s.deviceId().isPresent();
        Arm64Diagram diagram = new Arm64Diagram(title(platform, s));
        diagram.part("[GIC]", its ? "gic (LPI INTID, CPU)" : "gic (SPI INTID, CPU 0)", "", "", "handler runs");
        controllerPart(platform, diagram, s.unit(), s.deviceId());
        smmuPart(platform, device, diagram, false);
        busPart(platform, device, diagram, s.unit());
        diagram.part("[Device " + device.name() + "]", storage + " (slot)", "", storage, "emits, as " + device.iommuRequesterId());
        s.errno().ifPresent(e -> diagram.note("Boot: the allocation failed with " + e.name() + "; nothing was taken."));
        diagram.note(allocated(s.interrupts(), "host"));
        return diagram;
    }

    private static Arm64Diagram guest(Arm64Platform platform, Arm64StackResult s) {
        DeviceModel device = platform.device(s.device());
        String storage = s.storage().busDomain().keyword();
        Optional<String> own = platform.ownController(device);
        boolean vlpi = !s.backing().isEmpty() && s.backing().values().iterator().next().vlpi();
        Arm64Diagram diagram = new Arm64Diagram(title(platform, s));
        diagram.part("[vGIC " + s.kernel() + "]", "vgic (LPI INTID, vCPU)", "", "", vlpi ? "vLPI to the vCPU" : "handler runs");
        diagram.part("[vITS its]", "its (DeviceID 0x" + Long.toHexString(s.deviceId().orElse(0)) + ": events, LPIs)",
                "doorbell 0x" + Hex.of(GuestIts.DOORBELL, 8) + ", EventID", "",
                vlpi ? "" : "KVM injects with DeviceID 0x" + Long.toHexString(s.deviceId().orElse(0)));
        diagram.part("[hypervisor kvm]", s.trapped() ? "VFIO: host interrupts" : "", "",
                s.trapped() ? "traps, writes the host's message" : "passes the guest's message",
                s.trapped() ? (vlpi ? "vLPI forwarded (VMAPTI)" : "irqfd") : "");
        if (s.trapped() && own.isPresent()) {
            controllerPart(platform, diagram, own.get(),
                    platform.model().gic().its(own.get()).isPresent() ? platform.deviceId(device, own.get()) : OptionalLong.empty());
        }
        smmuPart(platform, device, diagram, !s.trapped());
        busPart(platform, device, diagram, own.orElse("-"));
        diagram.part("[Device " + device.name() + "]", storage + " (slot)", "",
                storage + (s.trapped() ? " (trapped)" : " (the guest's message)"), "emits, as " + device.iommuRequesterId());
        if (s.trapped()) {
            diagram.note("Trap: the VMM intercepts the store into " + storage + "; VFIO enables the vector through "
                    + own.orElse("no controller") + " (one host allocation for the stack) and writes the host's message"
                    + " into the real slot; the host interrupt's handler signals the irqfd and KVM injects the guest's"
                    + " message with the guest's DeviceID through " + s.kernel() + "'s vITS"
                    + (vlpi ? "; with vlpi on, the GICv4 ITS delivers it as a vLPI instead, no host handler." : "."));
        } else {
            diagram.note("No trap: the slot holds the guest's own message for its vITS doorbell 0x"
                    + Hex.of(GuestIts.DOORBELL, 8) + ", which no stage-2 or SMMU mapping backs: "
                    + (platform.model().smmuCovers(device) ? "the SMMU faults on it." : "a physical write to that address."));
        }
        diagram.note(allocated(s.interrupts(), s.kernel()));
        return diagram;
    }

    /** The ITS's or frame's part: it allocates and composes, and, for an ITS, looks the write up. */
    private static void controllerPart(Arm64Platform platform, Arm64Diagram diagram, String unit, OptionalLong deviceId) {
        if (deviceId.isPresent()) {
            String id = "DeviceID 0x" + Long.toHexString(deviceId.getAsLong());
            diagram.part("[ITS " + unit + "]", unit + " (" + id + ": ITT, events, LPIs)",
                    unit + " (doorbell 0x" + Hex.of(platform.doorbell(unit), 8) + ", EventID)", "",
                    "looks up " + id + ", EventID -> LPI");
        } else {
            diagram.part("[GICv2m " + unit + "]", unit + " (SPIs)", unit + " (doorbell 0x" + Hex.of(platform.doorbell(unit), 8)
                    + ", SPI)", "", "raises the SPI in the data");
        }
    }

    private static void smmuPart(Arm64Platform platform, DeviceModel device, Arm64Diagram diagram, boolean untrapped) {
        if (!platform.model().smmuCovers(device)) {
            return;
        }
        boolean vfio = platform.dma(device).kind() == DeviceDma.Kind.VFIO_DOMAIN;
        diagram.part("[SMMU]", "", "", vfio ? "IOVA 0x" + Hex.of(DeviceDma.MSI_IOVA_BASE, 8) + " (MSI window)"
                : "maps its doorbell page", untrapped ? "faults: no page there" : "passes its own doorbell page only");
    }

    private static void busPart(Arm64Platform platform, DeviceModel device, Arm64Diagram diagram, String unit) {
        MsiMapLookup target = platform.model().msiTarget(device);
        OptionalLong id = platform.model().gic().its(unit).isPresent() ? platform.deviceId(device, unit) : OptionalLong.empty();
        String use = id.isPresent() ? "adds DeviceID 0x" + Long.toHexString(id.getAsLong())
                + (platform.model().msiMaps().containsKey(device.bus()) ? " (msi_map)" : " (its requester id)")
                : target instanceof MsiMapLookup.Mapped ? "transports, no DeviceID read" : "transports";
        diagram.part("Bus " + device.bus(), "", "", "", use);
    }

    private static String allocated(List<ArmVector> vectors, String kernel) {
        if (vectors.isEmpty()) {
            return "Allocated: nothing.";
        }
        return "Allocated: " + vectors.stream().map(v -> "slot " + v.slot() + " " + v.kind().toUpperCase(java.util.Locale.ROOT)
                + " " + v.intid() + (v.eventId().isPresent() ? " (EventID " + v.eventId().getAsLong() + ")" : "")
                + (kernel.equals(Arm64Platform.HOST) ? " on CPU " : " on vCPU ") + v.cpu())
                .collect(Collectors.joining(", ")) + ".";
    }

    /** What the guest can make an assigned device emit, and what stops it. */
    private static void assigned(Arm64Platform platform, Arm64GuestModel guest, DeviceModel device,
                                 Arm64IsolationReport report, StringBuilder out) {
        Arm64PlatformModel model = platform.model();
        out.append(guest.name()).append(": assigned ").append(device.name()).append(device.isSubDevice()
                ? ", sub-device of " + device.parent().orElseThrow() : ", function " + device.requesterId()).append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"emits", device.isSubDevice()
                ? "only what its untrapped storages hold, which " + guest.name() + " writes"
                : "any memory write: " + guest.name() + " programs its DMA"});
        Optional<String> own = platform.ownController(device);
        boolean its = own.isPresent() && model.gic().its(own.get()).isPresent();
        OptionalLong id = its ? platform.deviceId(device, own.get()) : OptionalLong.empty();
        rows.add(new String[] {"seen as", device.iommuRequesterId() + (id.isPresent()
                ? ", DeviceID 0x" + Long.toHexString(id.getAsLong()) + " at " + own.get()
                : own.map(c -> ", at " + c + ", which reads no DeviceID").orElse(", reaching no MSI controller"))});
        rows.add(new String[] {"smmu", model.smmuCovers(device)
                ? "covers " + device.bus() + ": its DMA reaches only its own doorbell page (the MSI window at 0x"
                        + Hex.of(DeviceDma.MSI_IOVA_BASE, 8) + "); every other doorbell faults"
                : "none on " + device.bus() + ": its DMA reaches every ITS and GICv2m doorbell"});
        String stops;
        if (own.isEmpty()) {
            stops = "nothing of its own: no msi_map line gives it a controller";
        } else if (its) {
            stops = own.get() + "'s ITT for DeviceID 0x" + Long.toHexString(id.getAsLong())
                    + ": only that ITT's events translate, any other EventID is ignored";
        } else {
            stops = "nothing: " + own.get() + " is a GICv2m frame, which reads no DeviceID, so any write of an SPI"
                    + " number in its range raises that SPI";
        }
        rows.add(new String[] {"stopped by", stops});
        rows.add(new String[] {"shares", shares(platform, device, own, id)});
        List<Arm64Finding> findings = report.findings().stream()
                .filter(f -> f.guest().equals(guest.name()) && f.device().equals(device.name())).toList();
        rows.add(new String[] {"verdict", findings.isEmpty() ? "isolated: it raises no interrupt of another owner"
                : "NOT isolated: " + findings.stream().map(f -> "reaches " + f.victim() + " at " + f.unit() + " with "
                        + f.message().addressHex() + " " + f.message().dataHex() + " (" + f.findingClass().keyword() + ")")
                        .collect(Collectors.joining("; "))});
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        for (String[] row : rows) {
            out.append(ExplainText.wrap(ExplainText.pad(row[0], width + 2) + row[1], "  " + " ".repeat(width + 2)));
        }
    }

    private static String shares(Arm64Platform platform, DeviceModel device, Optional<String> own, OptionalLong id) {
        if (own.isEmpty()) {
            return "nothing";
        }
        List<String> others = new ArrayList<>();
        for (DeviceModel other : platform.model().devices()) {
            if (other.name().equals(device.name()) || !platform.ownController(other).equals(own)) {
                continue;
            }
            if (id.isEmpty() || platform.deviceId(other, own.get()).equals(id)) {
                others.add(other.name() + " (" + platform.model().owner(other.name()).map(Arm64GuestModel::name).orElse("host")
                        + ")");
            }
        }
        String what = id.isPresent() ? "DeviceID 0x" + Long.toHexString(id.getAsLong()) : own.get() + "'s SPIs";
        return others.isEmpty() ? what + " with no other device" : what + " with " + String.join(", ", others);
    }
}
