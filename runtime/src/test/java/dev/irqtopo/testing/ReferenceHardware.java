package dev.irqtopo.testing;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.IommuKind;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.runtime.AmdViRemapEntry;
import dev.irqtopo.runtime.Delivery;
import dev.irqtopo.runtime.FaultReason;
import dev.irqtopo.runtime.Message;
import dev.irqtopo.runtime.Platform;
import dev.irqtopo.runtime.PlatformSnapshot;
import dev.irqtopo.runtime.PostedTarget;
import dev.irqtopo.runtime.RemapEntry;
import dev.irqtopo.runtime.VtdRemapEntry;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A second, deliberately plain reading of semantics section 6, written from the spec's text and not
 * from the engine's router: it decodes a message from the bits, the remap entries, the CPUs' APIC IDs
 * and who owns each vector, all taken from a {@link PlatformSnapshot} and the model. Tests compare the
 * engine's deliveries with it message by message.
 */
public final class ReferenceHardware {

    private static final Pattern INJECTS = Pattern.compile("(\\S+) vCPU (\\d+) vector (\\d+)");

    private final PlatformModel model;
    /** Host APIC ID to CPU. */
    private final Map<Integer, Integer> hostCpuOfApicId = new HashMap<>();
    /** Per kernel: (cpu << 8 | vector) to the owning irq number. */
    private final Map<String, Map<Integer, Integer>> owners = new HashMap<>();
    /** Host irq number to the (guest, vCPU, vector) its handler injects. */
    private final Map<Integer, PostedTarget> injects = new HashMap<>();
    /** VT-d: iommu to index to entry; AMD-Vi: iommu/requester to index to entry. */
    private final Map<String, Map<Integer, RemapEntry>> tables = new HashMap<>();
    /** Device name to the unit that remaps its messages, if one does. */
    private final Map<String, Optional<IommuModel>> remappedBy = new HashMap<>();

    private ReferenceHardware(Platform platform) {
        this.model = platform.model();
        for (int cpu = 0; cpu < model.cpu().count(); cpu++) {
            hostCpuOfApicId.put(model.cpu().apicId(cpu), cpu);
        }
        for (DeviceModel device : model.devices()) {
            remappedBy.put(device.name(), model.iommuCovering(device).filter(IommuModel::remapping));
        }
        PlatformSnapshot snapshot = platform.snapshot();
        for (PlatformSnapshot.KernelState kernel : snapshot.kernels()) {
            Map<Integer, Integer> byVector = new HashMap<>();
            for (PlatformSnapshot.VectorState v : kernel.vectors()) {
                if (v.ownerVirq() >= 0) {
                    byVector.put(v.cpu() << 8 | v.vector(), v.ownerVirq());
                }
            }
            owners.put(kernel.kernel(), byVector);
            if (kernel.kernel().equals("host")) {
                for (PlatformSnapshot.InterruptState irq : kernel.interrupts()) {
                    Matcher m = INJECTS.matcher(irq.injects());
                    if (m.matches()) {
                        injects.put(irq.virq(), new PostedTarget(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
                    }
                }
            }
        }
        for (PlatformSnapshot.EntryState entry : snapshot.entries()) {
            entry.entry().ifPresent(e -> tables.computeIfAbsent(tableKey(entry.iommu(), entry.table()), k -> new HashMap<>())
                    .put(entry.index(), e));
        }
    }

    /** Reads the platform's current state; later changes to the platform are not seen. */
    public static ReferenceHardware of(Platform platform) {
        return new ReferenceHardware(platform);
    }

    /** What happens when {@code device} emits {@code message}, by semantics section 6. */
    public Delivery decode(DeviceModel device, Message message) {
        long address = message.address();
        int data = message.data();
        if (address < Message.INTERRUPT_BASE || address > Message.INTERRUPT_LIMIT) {
            return Delivery.memoryWrite();
        }
        Optional<IommuModel> unit = remappedBy.get(device.name());
        if (unit.isEmpty()) {
            return compatibility(address, data);
        }
        IommuModel iommu = unit.get();
        return iommu.kind() == IommuKind.VTD ? vtd(iommu, device.requesterId(), address, data) : amdVi(iommu, device.requesterId(), data);
    }

    private Delivery vtd(IommuModel iommu, RequesterId requester, long address, int data) {
        boolean remappable = bit(address, 4);
        if (!remappable) {
            return iommu.compatAllowed() ? compatibility(address, data) : new Delivery.Fault(FaultReason.VTD_COMPAT_BLOCKED);
        }
        boolean subHandleValid = bit(address, 3);
        if (subHandleValid && (data & 0xFFFF0000) != 0) {
            return new Delivery.Fault(FaultReason.VTD_RESERVED_FIELD);
        }
        int handle = (int) (address >> 5 & 0x7FFF) + (bit(address, 2) ? 0x8000 : 0);
        int index = subHandleValid ? (handle + (data & 0xFFFF)) % 0x10000 : handle;
        if (index >= iommu.entries()) {
            return new Delivery.Fault(FaultReason.VTD_INDEX_BEYOND_TABLE);
        }
        VtdRemapEntry entry = (VtdRemapEntry) tables.getOrDefault(tableKey(iommu.name(), Optional.empty()), Map.of()).get(index);
        if (entry == null || !entry.present()) {
            return new Delivery.Fault(FaultReason.VTD_ENTRY_NOT_PRESENT);
        }
        if (!sourceValid(entry, requester)) {
            return new Delivery.Fault(FaultReason.VTD_SOURCE_VALIDATION);
        }
        if (entry.posted().isPresent()) {
            PostedTarget target = entry.posted().get();
            Integer virq = owners.get(target.guest()).get(target.vcpu() << 8 | target.vector());
            return virq == null
                    ? new Delivery.Spurious(OptionalInt.empty(), target.vector())
                    : new Delivery.Delivered(target.guest(), target.vcpu(), target.vector(), virq);
        }
        int apicId = entry.apicMode() == ApicMode.X2APIC ? entry.destination() : entry.destination() >> 8 & 0xFF;
        return hostCpu(apicId, entry.vector());
    }

    /** SVT 01: the SID is the whole requester id; SVT 10: the request's bus within [start, end]; both in the same segment. */
    private static boolean sourceValid(VtdRemapEntry entry, RequesterId requester) {
        switch (entry.svt().svt()) {
            case 0:
                return true;
            case 1:
                return entry.segment() == requester.segment()
                        && entry.sid() == (requester.bus() * 256 + requester.device() * 8 + requester.function());
            case 2:
                int start = entry.sid() / 256;
                int end = entry.sid() % 256;
                return entry.segment() == requester.segment() && requester.bus() >= start && requester.bus() <= end;
            default:
                throw new AssertionError("SVT " + entry.svt());
        }
    }

    private Delivery amdVi(IommuModel iommu, RequesterId requester, int data) {
        int index = data & 0x7FF;
        RemapEntry entry = tables.getOrDefault(tableKey(iommu.name(), Optional.of(requester)), Map.of()).get(index);
        if (index >= iommu.entries() || !(entry instanceof AmdViRemapEntry amd) || !amd.remapEnabled()) {
            return new Delivery.Fault(FaultReason.AMDVI_IO_PAGE_FAULT);
        }
        return hostCpu(amd.destination(), amd.vector());
    }

    /** The CPU decodes destination = address bits 19:12 and vector = data bits 7:0; everything else is ignored. */
    private Delivery compatibility(long address, int data) {
        return hostCpu((int) (address >> 12) & 0xFF, data & 0xFF);
    }

    private Delivery hostCpu(int apicId, int vector) {
        Integer cpu = hostCpuOfApicId.get(apicId);
        if (cpu == null) {
            return new Delivery.Spurious(OptionalInt.empty(), vector);
        }
        Integer virq = owners.get("host").get(cpu << 8 | vector);
        if (virq == null) {
            return new Delivery.Spurious(OptionalInt.of(cpu), vector);
        }
        PostedTarget forward = injects.get(virq);
        if (forward == null) {
            return new Delivery.Delivered("host", cpu, vector, virq);
        }
        Integer guestVirq = owners.get(forward.guest()).get(forward.vcpu() << 8 | forward.vector());
        return guestVirq == null
                ? new Delivery.Spurious(OptionalInt.of(cpu), vector)
                : new Delivery.Delivered(forward.guest(), forward.vcpu(), forward.vector(), guestVirq);
    }

    private static String tableKey(String iommu, Optional<RequesterId> table) {
        return iommu + table.map(rid -> "/" + rid.segment() + ":" + rid.sourceId()).orElse("");
    }

    private static boolean bit(long address, int bit) {
        return (address >> bit & 1) != 0;
    }
}
