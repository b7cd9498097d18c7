package dev.irqtopo.cli.explain;

import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.RiscvPlatformModel;
import dev.irqtopo.model.riscv.ImsicStackModel;
import dev.irqtopo.model.riscv.RiscvGuestModel;
import dev.irqtopo.runtime.message.Hex;
import dev.irqtopo.runtime.riscv64.DeviceTranslation;
import dev.irqtopo.runtime.riscv64.RiscvPlatform;
import dev.irqtopo.runtime.riscv64.RiscvStackResult;
import dev.irqtopo.runtime.riscv64.RiscvVector;
import dev.irqtopo.runtime.riscv64.isolation.RiscvFinding;
import dev.irqtopo.runtime.riscv64.isolation.RiscvIsolationAnalysis;
import dev.irqtopo.runtime.riscv64.isolation.RiscvIsolationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code irqtopo explain} for a riscv64 platform: per stack, booted as {@code simulate} boots it, the
 * boundary diagram root first — the IMSIC domain that allocates an identity in a hart's supervisor-level
 * file (in a guest, in the guest file behind a vCPU) and composes (file page, identity), the bus domain
 * that stores — with whether the VMM traps the guest's storage and what the device's MSI translation
 * ({@code none}, {@code off}, {@code flat}, {@code mrif}) does with its writes; then, per device assigned
 * to a guest, what the guest can make it emit, what its device context lets through and the verdict.
 */
public final class RiscvExplainText {

    private RiscvExplainText() {
    }

    public static String render(RiscvPlatformModel model) {
        RiscvPlatform platform = RiscvPlatform.create(model);
        List<RiscvStackResult> stacks = platform.boot();
        StringBuilder out = new StringBuilder("platform ").append(model.name()).append(" (riscv64)\n");
        if (stacks.isEmpty()) {
            out.append("\n  no stacks: no kernel allocates an interrupt\n");
        }
        for (RiscvStackResult stack : stacks) {
            out.append('\n');
            (stack.isHost() ? host(platform, stack) : guest(platform, stack)).render(out);
        }
        RiscvIsolationReport report = RiscvIsolationAnalysis.analyze(platform);
        for (RiscvGuestModel guest : model.guests()) {
            for (DeviceModel device : platform.devices()) {
                if (guest.owns(device.name())) {
                    out.append('\n');
                    assigned(platform, guest, device, report, out);
                }
            }
        }
        return out.toString();
    }

    private static String title(RiscvPlatform platform, RiscvStackResult s) {
        RiscvPlatformModel model = platform.model();
        List<ImsicStackModel> declared = s.isHost() ? model.hostStacks() : model.guest(s.kernel()).orElseThrow().stacks();
        int alloc = declared.stream().filter(d -> d.device().equals(s.device()) && d.storage() == s.storage())
                .findFirst().orElseThrow().alloc();
        return s.kernel() + ": stack " + s.device() + "." + s.storage().busDomain().keyword() + ": "
                + String.join(" -> ", s.chain()) + " alloc " + alloc;
    }

    private static Arm64Diagram host(RiscvPlatform platform, RiscvStackResult s) {
        DeviceModel device = platform.device(s.device());
        String storage = s.storage().busDomain().keyword();
        Arm64Diagram diagram = new Arm64Diagram(title(platform, s));
        diagram.part("[hart files]", "supervisor-level file (identity, hart)", "", "", "handler runs");
        diagram.part("[IMSIC]", "imsic (identity in the hart's file)", "imsic (file page, identity)", "",
                "sets the identity pending");
        DeviceTranslation translation = platform.translation(device);
        iommuPart(diagram, translation, false);
        diagram.part("Bus " + device.bus(), "", "", "", "transports");
        diagram.part("[Device " + device.name() + "]", storage + " (slot)", "", storage, "emits, as " + device.iommuRequesterId());
        s.errno().ifPresent(e -> diagram.note("Boot: the allocation failed with " + e.name() + "; nothing was taken."));
        diagram.note(msiNote(translation, false, false));
        diagram.note(allocated(s.interrupts(), true));
        return diagram;
    }

    private static Arm64Diagram guest(RiscvPlatform platform, RiscvStackResult s) {
        DeviceModel device = platform.device(s.device());
        String storage = s.storage().busDomain().keyword();
        DeviceTranslation translation = platform.translation(device);
        boolean backed = s.trapped() && !translation.translatesMsis();
        Arm64Diagram diagram = new Arm64Diagram(title(platform, s));
        diagram.part("[vCPU files " + s.kernel() + "]", "guest file behind the vCPU (identity, vCPU)", "", "", "handler runs");
        diagram.part("[IMSIC " + s.kernel() + "]", "imsic (identity in the vCPU's file)", "imsic (guest file page, identity)",
                "", backed ? "KVM injects the identity" : "");
        diagram.part("[hypervisor kvm]", backed ? "VFIO: host identities" : "", "",
                s.trapped() ? (backed ? "traps, writes the host's message" : "traps, writes the guest's message")
                        : "passes the guest's message", backed ? "host handler, irqfd" : "");
        if (backed) {
            diagram.part("[IMSIC host]", "imsic (identity in a hart's supervisor-level file)", "imsic (file page, identity)",
                    "", "sets the host identity pending");
        }
        iommuPart(diagram, translation, true);
        diagram.part("Bus " + device.bus(), "", "", "", "transports");
        diagram.part("[Device " + device.name() + "]", storage + " (slot)", "",
                storage + (s.trapped() ? " (trapped)" : " (the guest's message)"), "emits, as " + device.iommuRequesterId());
        s.errno().ifPresent(e -> diagram.note("Boot: the allocation failed with " + e.name() + "; nothing was taken."));
        if (backed) {
            diagram.note("Trap: the VMM intercepts the store into " + storage + "; with no MSI translation VFIO enables"
                    + " the vectors through the host's IMSIC domain (all at once, nothing kept when one fails) and writes"
                    + " the host's message into the real slot; the host interrupt's handler signals the irqfd and KVM"
                    + " injects the guest's identity into the guest file behind the vCPU.");
        } else if (s.trapped()) {
            diagram.note("Trap: the VMM intercepts the store into " + storage + " and writes the guest's own message"
                    + " into the real slot: the device context's MSI page table translates the guest's file pages.");
        } else {
            diagram.note("No trap: the slot holds the guest's own message, written by " + s.kernel() + ".");
        }
        diagram.note(msiNote(translation, true, s.trapped()));
        diagram.note(allocated(s.interrupts(), false));
        return diagram;
    }

    /** The IOMMU's part, when one covers the device's bus: what its device context does with an MSI write. */
    private static void iommuPart(Arm64Diagram diagram, DeviceTranslation translation, boolean guest) {
        if (translation.iommu().isEmpty()) {
            return;
        }
        String use = switch (translation.word()) {
            case "flat" -> "MSI PTE: guest file page -> guest file";
            case "mrif" -> "MSI PTE: records in the MRIF, sends the notice";
            default -> "passes the write to the address it names";
        };
        diagram.part("[IOMMU " + translation.iommu().get() + "]", "", "",
                guest && translation.translatesMsis() ? "device context of " + translation.contextOwner() : "",
                "msi " + translation.word() + ": " + use);
    }

    private static String msiNote(DeviceTranslation translation, boolean guest, boolean trapped) {
        return switch (translation.word()) {
            case "none" -> "MSI translation: none, no IOMMU covers the bus; the write goes to the physical address it"
                    + " names, any interrupt file's page.";
            case "off" -> "MSI translation: off (msiptp.MODE Off); the write goes to the physical address it names,"
                    + " any interrupt file's page" + (guest && !trapped ? ", and the guest's own message names its"
                    + " guest-physical file page, not the guest file." : ".");
            case "flat" -> "MSI translation: flat; the device context (built for " + translation.contextOwner()
                    + ") matches msi_addr_mask 0x" + Long.toHexString(translation.context().addressMask())
                    + ", msi_addr_pattern 0x" + Long.toHexString(translation.context().addressPattern())
                    + " and maps each file number to the guest file behind that vCPU; any other write is blocked.";
            default -> "MSI translation: mrif; the device context (built for " + translation.contextOwner()
                    + ") records each identity in the vCPU's memory-resident interrupt file and sends the notice MSI"
                    + " to KVM's host identity; any other write is blocked.";
        };
    }

    private static String allocated(List<RiscvVector> vectors, boolean host) {
        if (vectors.isEmpty()) {
            return "Allocated: nothing.";
        }
        return "Allocated: " + vectors.stream().map(v -> "slot " + v.slot() + " identity " + v.identity() + " in "
                + v.file().word() + " (page 0x" + Hex.of(v.composed().address(), 8) + ")"
                + (host ? " on hart " : " on vCPU ") + v.cpu())
                .collect(Collectors.joining(", ")) + ".";
    }

    /** What the guest can make an assigned device emit, what its device context lets through, and the verdict. */
    private static void assigned(RiscvPlatform platform, RiscvGuestModel guest, DeviceModel device,
                                 RiscvIsolationReport report, StringBuilder out) {
        DeviceTranslation translation = platform.translation(device);
        out.append(guest.name()).append(": assigned ").append(device.name()).append(device.isSubDevice()
                ? ", sub-device of " + device.parent().orElseThrow() : ", function " + device.requesterId()).append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"emits", device.isSubDevice()
                ? "only what its untrapped storages hold, which " + guest.name() + " writes"
                : "any memory write: " + guest.name() + " programs its DMA"});
        rows.add(new String[] {"seen as", device.iommuRequesterId() + translation.iommu().map(i -> " at " + i
                + ", device context of " + translation.contextOwner()).orElse(", by no IOMMU")});
        rows.add(new String[] {"msi", translation.word() + ": " + switch (translation.word()) {
            case "flat" -> "only the guest files behind " + translation.contextOwner() + "'s vCPUs are MSI pages";
            case "mrif" -> "only the MRIFs of " + translation.contextOwner() + "'s vCPUs, each with its notice";
            default -> "its writes reach every interrupt file's page";
        }});
        List<RiscvFinding> findings = report.findings().stream()
                .filter(f -> f.guest().equals(guest.name()) && f.device().equals(device.name())).toList();
        rows.add(new String[] {"verdict", findings.isEmpty() ? "isolated: it raises no interrupt of another owner"
                : "NOT isolated: " + findings.stream().map(f -> "reaches " + f.victim() + " at " + f.target() + " with "
                        + f.message().addressHex() + " " + f.message().dataHex() + " (" + f.findingClass().keyword() + ")")
                        .collect(Collectors.joining("; "))});
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        for (String[] row : rows) {
            out.append(ExplainText.wrap(ExplainText.pad(row[0], width + 2) + row[1], "  " + " ".repeat(width + 2)));
        }
    }
}
