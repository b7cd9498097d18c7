package dev.irqtopo.runtime.diff;

import dev.irqtopo.model.BridgeModel;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.ExpectedVerdict;
import dev.irqtopo.model.GuestModel;
import dev.irqtopo.model.HypervisorModel;
import dev.irqtopo.model.IoApicModel;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.StackModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.StorageModel;
import dev.irqtopo.runtime.diff.Subject.Declaration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A checked platform's declarations as facts, in the language's words: what {@code diff} compares
 * before it runs anything. Stacks are {@link Stacks}', with what booting did with them.
 */
final class Declarations {

    private Declarations() {
    }

    /** Every declaration of {@code platform}, by part in {@link Part} order, then in declaration order. */
    static Map<Declaration, Facts> of(PlatformModel platform) {
        Map<Declaration, Facts> parts = new LinkedHashMap<>();
        parts.put(Declaration.of(Part.PLATFORM, platform.name()),
                new Facts().word("expect", platform.expect().map(ExpectedVerdict::keyword)));
        parts.put(Declaration.of(Part.CPU), new Facts()
                .number("cpus", platform.cpu().count())
                .word("apic", platform.cpu().apic().keyword())
                .word("apic_ids", joined(platform.cpu().apicIds().stream().map(String::valueOf).toList())));
        for (IommuModel iommu : platform.iommus()) {
            parts.put(Declaration.of(Part.IOMMU, iommu.name()), iommu(iommu));
        }
        platform.hypervisor().ifPresent(h -> parts.put(Declaration.of(Part.HYPERVISOR), hypervisor(h)));
        platform.ioapic().ifPresent(a -> parts.put(Declaration.of(Part.IOAPIC, a.name()), ioapic(a)));
        for (DeviceModel device : platform.devices()) {
            parts.put(Declaration.of(Part.DEVICE, device.name()), device(device));
        }
        parts.put(Declaration.of(Part.HOST), new Facts().word("kernel", platform.hostKernel().words()));
        for (GuestModel guest : platform.guests()) {
            parts.put(Declaration.of(Part.GUEST, guest.name()), new Facts()
                    .number("cpus", guest.cpus())
                    .word("assign", joined(guest.devices()))
                    .word("kernel", guest.kernel().words()));
        }
        return parts;
    }

    private static Facts iommu(IommuModel iommu) {
        return new Facts()
                .word("kind", iommu.kind().keyword())
                .word("remapping", onOff(iommu.remapping()))
                .number("entries", iommu.entries())
                .word("source_check", iommu.sourceCheck().keyword())
                .word("compat", iommu.compatAllowed() ? "allowed" : "blocked")
                .word("posted", onOff(iommu.posted()))
                .word("covers", joined(iommu.covers()));
    }

    private static Facts hypervisor(HypervisorModel hypervisor) {
        // a set: in the language's order of storages, whatever order the file wrote them in
        List<String> traps = Arrays.stream(StorageKind.values()).filter(hypervisor::traps).map(StorageKind::keyword).toList();
        return new Facts()
                .word("kind", hypervisor.kind().keyword())
                .word("cpuid", hypervisor.cpuidVisible() ? "visible" : "hidden")
                .word("traps", joined(traps))
                .word("hypercall", hypervisor.composeHypercall() ? "compose" : "none")
                .word("ext_dest_id", onOff(hypervisor.extDestId()));
    }

    private static Facts ioapic(IoApicModel ioapic) {
        return new Facts()
                .word("requester_id", ioapic.requesterId().toString())
                .word("pins", joined(ioapic.pins().stream().map(String::valueOf).toList()));
    }

    /** Where the device sits, who the IOMMU sees, and each storage the language can declare, absent or with its size. */
    static Facts device(DeviceModel device) {
        Facts facts = new Facts()
                .word("bus", device.bus())
                .word("requester_id", device.requesterId().toString())
                .word("parent", device.parent())
                .put("pasid", device.isSubDevice() ? Value.number(device.pasid()) : Value.absent())
                .word("bridge", device.bridge().map(BridgeModel::name));
        for (StorageKind kind : StorageKind.values()) {
            Optional<StorageModel> storage = device.storage(kind);
            facts.put(kind.keyword(), storage.map(s -> Value.number(s.size())).orElse(Value.absent()));
            if (kind == StorageKind.MSI) {
                facts.put("msi maskable", storage.map(s -> Value.flag(s.maskable())).orElse(Value.absent()));
            }
        }
        return facts;
    }

    /** A stack's declaration: the storage its bus domain resolves to, its chain as written, its {@code alloc}. */
    static Facts stack(StackModel stack) {
        return new Facts()
                .word("storage", stack.storage().keyword())
                .word("chain", String.join(" -> ", stack.chain()))
                .number("alloc", stack.alloc());
    }

    static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    static String joined(List<String> words) {
        return String.join(", ", words);
    }
}
