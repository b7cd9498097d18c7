package dev.irqtopo.cli.explain;

import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.GuestModel;
import dev.irqtopo.model.HypervisorModel;
import dev.irqtopo.model.IommuKind;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.StackModel;
import dev.irqtopo.model.StackPlan;
import dev.irqtopo.model.StorageKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Explains each stack of a checked platform, in boot order: which domain allocates, composes and
 * stores at which boundary, how the device's message is used on its way to a CPU, and what the
 * hypervisor does with the guest's store or hypercall (semantics §1 to §5). Who composes and what
 * becomes of the store is the stack's {@link StackPlan}, which the runtime follows too: this class
 * only renders it. Nothing is booted.
 */
public final class Explainer {

    private final PlatformModel platform;

    private Explainer(PlatformModel platform) {
        this.platform = platform;
    }

    /** Every stack of the platform, host first, then each guest, each in declaration order. */
    public static List<StackExplanation> explain(PlatformModel platform) {
        Explainer explainer = new Explainer(platform);
        List<StackExplanation> stacks = new ArrayList<>();
        for (StackModel stack : platform.hostStacks()) {
            stacks.add(explainer.stack(Optional.empty(), stack));
        }
        for (GuestModel guest : platform.guests()) {
            for (StackModel stack : guest.stacks()) {
                stacks.add(explainer.stack(Optional.of(guest), stack));
            }
        }
        return stacks;
    }

    private StackExplanation stack(Optional<GuestModel> guest, StackModel stack) {
        DeviceModel device = platform.device(stack.device()).orElseThrow();
        String kernel = guest.map(GuestModel::name).orElse("host");
        Optional<IommuModel> iommu = platform.iommuCovering(device).filter(IommuModel::remapping);
        String title = kernel + ": stack " + stack.device() + "." + stack.busDomain().keyword() + ": "
                + String.join(" -> ", stack.chain()) + " alloc " + stack.alloc();
        Map<Part, String> labels = new EnumMap<>(Part.class);
        labels.put(Part.CPU, "[CPU]");
        labels.put(Part.TRANSLATION, translationLabel(guest, device));
        labels.put(Part.BRIDGE, device.bridge().map(b -> "[Bridge " + b.name() + "]").orElse("[Bridge]"));
        labels.put(Part.BUS, "Bus " + device.bus());
        labels.put(Part.DEVICE, "[Device " + device.name() + "]");
        Map<Step, Map<Part, String>> cells = new EnumMap<>(Step.class);
        for (Step step : Step.values()) {
            cells.put(step, new EnumMap<>(Part.class));
        }
        List<String> notes = new ArrayList<>();
        StackPlan plan = StackPlan.of(guest.isEmpty(), platform.hypervisor(), stack,
                guest.map(GuestModel::kernel).orElse(platform.hostKernel()));
        if (guest.isPresent()) {
            guestStack(guest.get(), stack, plan, device, iommu, cells, notes);
        } else {
            hostStack(stack, plan, cells, notes);
        }
        cells.get(Step.ALLOC).put(Part.BUS, stack.busDomain().keyword() + " (slot)");
        cells.get(Step.USE).put(Part.DEVICE, "emits, as " + requester(device));
        // behind a bridge the IOMMU sees the bridge's alias, not the device's own requester id (§6)
        cells.get(Step.USE).put(Part.BRIDGE, device.bridge().map(b -> "as alias " + b.alias()).orElse("transports"));
        cells.get(Step.USE).put(Part.TRANSLATION, iommu.map(i -> "through " + i.name()).orElse("passes"));
        cells.get(Step.USE).put(Part.CPU, "handler runs");
        notes.add(KernelsNote.of(platform, guest, stack));
        return new StackExplanation(title, labels, cells, notes);
    }

    /** Why a kernel's profile does not build a stack, in words. */
    private static String kernelRefusal(StackPlan.Refusal refusal) {
        return refusal == StackPlan.Refusal.NO_IMS_DOMAIN ? "which has no IMS domain on this parent"
                : "which has no hypercall that composes this storage";
    }

    private void hostStack(StackModel stack, StackPlan plan, Map<Step, Map<Part, String>> cells, List<String> notes) {
        plan.refusal().ifPresent(refusal -> notes.add("Domain creation fails with EOPNOTSUPP: the host runs "
                + platform.hostKernel().words() + ", " + kernelRefusal(refusal) + "; nothing is allocated."));
        cells.get(Step.ALLOC).put(Part.CPU, "vector (CPU, vector)");
        if (plan.composer() == StackPlan.Composer.REMAP_DOMAIN) {
            IommuModel unit = platform.iommu(stack.remap().orElseThrow()).orElseThrow();
            cells.get(Step.ALLOC).put(Part.TRANSLATION, "remap " + unit.name() + " (" + entries(stack) + ")");
            cells.get(Step.COMPOSE).put(Part.TRANSLATION, "remap " + unit.name()
                    + (unit.kind() == IommuKind.VTD ? " (remappable format)" : " (entry index)"));
        } else {
            cells.get(Step.COMPOSE).put(Part.CPU, "vector (compatibility format)");
        }
        String stored = storageWord(stack.storage());
        cells.get(Step.STORE).put(Part.BUS, stack.busDomain().keyword() + " (" + stored + ")");
        notes.add("Trap: none, and no hypercall: the host stores into its own device directly.");
    }

    private void guestStack(GuestModel guest, StackModel stack, StackPlan plan, DeviceModel device,
                            Optional<IommuModel> iommu, Map<Step, Map<Part, String>> cells, List<String> notes) {
        HypervisorModel hv = platform.hypervisor().orElseThrow();
        String storage = stack.storage().keyword();
        String hostSide = "a host vector" + iommu.map(i -> " and an entry in " + i.name()
                + (i.posted() && i.kind() == IommuKind.VTD ? ", posted to the vCPU" : "")).orElse("");
        plan.refusal().ifPresent(refusal -> notes.add(refusal == StackPlan.Refusal.UNTRANSLATABLE
                ? "Domain creation fails with EOPNOTSUPP: " + guest.name() + " knows it is virtualized, and "
                + storage + " is its own RAM, which the hypervisor cannot trap; nothing is allocated."
                : "Domain creation fails with EOPNOTSUPP: " + guest.name() + " runs " + guest.kernel().words()
                + ", " + kernelRefusal(refusal) + "; nothing is allocated."));
        cells.get(Step.ALLOC).put(Part.CPU, "vector (vCPU, vector)");
        if (plan.composer() == StackPlan.Composer.HYPERCALL) {
            cells.get(Step.ALLOC).put(Part.TRANSLATION, "hcall (host allocates)");
            cells.get(Step.COMPOSE).put(Part.TRANSLATION, "hcall (host's message)");
            cells.get(Step.STORE).put(Part.BUS, stack.busDomain().keyword() + " (as returned)");
            notes.add("Hypercall: once " + guest.name() + "'s vector domain has chosen a vCPU and vector, the hypervisor"
                    + " allocates on the host for " + requester(device) + " (" + hostSide + ") and returns the"
                    + " composed message, or the host's errno, after which " + guest.name() + " rolls back.");
            // the message is the hypervisor's own, so it arrives as returned either way; the note says whether
            // a trap sees it on the way
            notes.add("Trap: " + (!hv.guestWritesReachDevice(stack.storage()) ? "the hypervisor traps " + storage
                    + " but recognises its own message, so" : "none for " + storage + ", so")
                    + " the store reaches the device as written.");
            return;
        }
        cells.get(Step.COMPOSE).put(Part.CPU, "vector (compatibility format)");
        if (plan.store() == StackPlan.Store.TRAPPED) {
            cells.get(Step.STORE).put(Part.BUS, stack.busDomain().keyword() + " (trapped)");
            cells.get(Step.STORE).put(Part.TRANSLATION, "hypervisor (rewrites)");
            notes.add("Trap: the hypervisor intercepts the store into " + storage + ", reads the destination as a vCPU"
                    + (hv.extDestId() ? " (address bits 11:5 as destination bits 14:8)" : "") + " and the data as a"
                    + " guest vector, allocates on the host (" + hostSide + ") and writes the host's message into the"
                    + " real slot; a message naming no vCPU of " + guest.name() + ", or one the host cannot allocate"
                    + " for, is dropped and the slot stays masked.");
        } else {
            cells.get(Step.STORE).put(Part.BUS, stack.busDomain().keyword() + " (untranslated)");
            notes.add("Trap: none, the hypervisor does not trap " + storage + ": " + guest.name() + "'s"
                    + " compatibility message reaches the device as written, and the hardware reads it as it would a"
                    + " host message" + iommu.map(i -> ", through " + i.name() + "'s remapping").orElse(", as a host"
                    + " APIC ID and vector") + ".");
        }
        notes.add("Hypercall: none in this stack.");
    }

    private String translationLabel(Optional<GuestModel> guest, DeviceModel device) {
        Optional<IommuModel> unit = platform.iommuCovering(device);
        String iommu = unit.map(i -> "IOMMU " + i.name() + (i.remapping() ? "" : ", remapping off")).orElse("");
        if (guest.isPresent()) {
            String hv = "hypervisor " + platform.hypervisor().orElseThrow().kind().keyword();
            return "[" + hv + (iommu.isEmpty() ? "" : " | " + iommu) + "]";
        }
        return iommu.isEmpty() ? "[no IOMMU]" : "[" + iommu + "]";
    }

    /** What a remap domain allocates for the stack: multi-message MSI takes one aligned block. */
    private static String entries(StackModel stack) {
        return stack.storage() == StorageKind.MSI && stack.alloc() > 1 ? "entry block" : "entry";
    }

    private static String storageWord(StorageKind storage) {
        return switch (storage) {
            case MSI -> "capability";
            case MSIX -> "table entry";
            case IMS_DEVICE -> "device memory";
            case IMS_QUEUE -> "queue memory";
        };
    }

    private static String requester(DeviceModel device) {
        return device.requesterId() + (device.isSubDevice() ? " pasid " + device.pasid() : "");
    }
}
