package dev.irqtopo.compiler.model;

import dev.irqtopo.compiler.ast.BridgeDecl;
import dev.irqtopo.compiler.ast.BusDecl;
import dev.irqtopo.compiler.ast.CpuBlock;
import dev.irqtopo.compiler.ast.CpuProp;
import dev.irqtopo.compiler.ast.Defaults;
import dev.irqtopo.compiler.ast.DeviceAddress;
import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.ExpectDecl;
import dev.irqtopo.compiler.ast.GuestDecl;
import dev.irqtopo.compiler.ast.IoApicDecl;
import dev.irqtopo.compiler.ast.IommuDecl;
import dev.irqtopo.compiler.ast.IrqtopoFile;
import dev.irqtopo.compiler.ast.Name;
import dev.irqtopo.compiler.ast.Num;
import dev.irqtopo.compiler.ast.Platform;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.ast.Rid;
import dev.irqtopo.compiler.ast.StackDecl;
import dev.irqtopo.compiler.ast.StorageDecl;
import dev.irqtopo.compiler.ast.Word;
import dev.irqtopo.model.BridgeModel;
import dev.irqtopo.model.BusModel;
import dev.irqtopo.model.CpuModel;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.GuestModel;
import dev.irqtopo.model.IoApicModel;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformDesign;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.StackModel;
import dev.irqtopo.model.StorageModel;
import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model stage: resolves a file the checker passed without errors into platform models, with every
 * default of the language applied ({@link Defaults}) and every name resolved. It trusts the checker: given a file with
 * errors, it may throw.
 */
public final class ModelBuilder {

    private ModelBuilder() {
    }

    /**
     * @param javaPackage the package of the generated code: the file's, else the build's default, else ""
     */
    public static List<PlatformDesign> build(IrqtopoFile file, String javaPackage) {
        return file.platforms().stream().map(p -> design(PlatformIndex.of(p), javaPackage)).toList();
    }

    private static PlatformDesign design(PlatformIndex index, String javaPackage) {
        return switch (index.architecture()) {
            case ARM64 -> Arm64Models.platform(index, javaPackage);
            case RISCV64 -> RiscvModels.platform(index, javaPackage);
            case X86 -> platform(index, javaPackage);
        };
    }

    private static PlatformModel platform(PlatformIndex index, String javaPackage) {
        Platform p = index.platform();
        return new PlatformModel(
                javaPackage,
                p.name().text(),
                p.description().orElse(""),
                cpu(index.cpu().orElseThrow()),
                p.iommus().stream().map(i -> iommu(i, index)).toList(),
                index.hypervisor().map(Defaults::hypervisor),
                p.buses().stream().map(b -> bus(b, index)).toList(),
                p.hostStacks().stream().map(s -> stack(s, index)).toList(),
                p.guests().stream().map(g -> guest(g, index)).toList(),
                index.expect().map(ExpectDecl::verdict).map(Word::value),
                Defaults.kernel(p.hostKernels()),
                p.ioapics().stream().findFirst().map(ModelBuilder::ioapic));
    }

    /** The I/O APIC with its started pins in ascending order, as the kernel walks them. */
    private static IoApicModel ioapic(IoApicDecl ioapic) {
        List<Integer> pins = ioapic.allPins().stream().map(Num::intValue).sorted().toList();
        return new IoApicModel(ioapic.name().text(), requesterId(ioapic.rid().orElseThrow()), pins);
    }

    private static CpuModel cpu(CpuBlock cpu) {
        int count = cpu.props(CpuProp.Cpus.class).get(0).count().intValue();
        return new CpuModel(count, Defaults.apic(cpu), Defaults.apicIds(cpu, count));
    }

    private static IommuModel iommu(IommuDecl iommu, PlatformIndex index) {
        return new IommuModel(iommu.name().text(), iommu.kind(), Defaults.remapping(iommu), Defaults.entries(iommu),
                Defaults.sourceCheck(iommu), Defaults.compatAllowed(iommu), Defaults.posted(iommu),
                index.busesCoveredBy(iommu));
    }

    /** A bus with its bridges; a device behind a bridge (a sub-device: behind its parent's) names it. */
    static BusModel bus(BusDecl bus, PlatformIndex index) {
        Map<BridgeDecl, BridgeModel> bridges = new IdentityHashMap<>();
        bus.bridges().forEach(b -> bridges.put(b, new BridgeModel(b.name().text(), requesterId(b.rid()),
                Defaults.secondaryBus(b))));
        return new BusModel(bus.name().text(),
                bus.devices().stream().map(d -> device(d, index, index.bridgeOf(d).map(bridges::get))).toList(),
                bus.bridges().stream().map(bridges::get).toList());
    }

    private static DeviceModel device(DeviceDecl device, PlatformIndex index, Optional<BridgeModel> bridge) {
        List<StorageModel> storages = device.storages().stream().map(ModelBuilder::storage).toList();
        if (device.address() instanceof DeviceAddress.SubDevice sub) {
            DeviceDecl parent = index.device(sub.parent().text()).orElseThrow();
            return new DeviceModel(device.name().text(), device.bus().text(), requesterId(parent),
                    sub.pasid().intValue(), Optional.of(parent.name().text()), storages, bridge);
        }
        return new DeviceModel(device.name().text(), device.bus().text(), requesterId(device), 0, Optional.empty(),
                storages, bridge);
    }

    private static RequesterId requesterId(DeviceDecl function) {
        return requesterId(((DeviceAddress.Function) function.address()).rid());
    }

    private static RequesterId requesterId(Rid rid) {
        return RequesterId.of(rid.segment().orElse(BigInteger.ZERO).intValueExact(), rid.bus().intValueExact(),
                rid.device().intValueExact(), rid.function().intValueExact());
    }

    static StorageModel storage(StorageDecl storage) {
        return new StorageModel(storage.kind(), storage.size().intValue(), storage.maskable());
    }

    private static GuestModel guest(GuestDecl guest, PlatformIndex index) {
        List<String> devices = List.copyOf(new LinkedHashSet<>(guest.assigned().stream().map(Name::text).toList()));
        return new GuestModel(guest.name().text(), guest.cpus().get(0).count().intValue(), devices,
                guest.stacks().stream().map(s -> stack(s, index)).toList(), Defaults.kernel(guest.kernels()));
    }

    /** A stack with its {@code ims} resolved to the device's IMS storage. */
    private static StackModel stack(StackDecl stack, PlatformIndex index) {
        DeviceDecl device = index.device(stack.device().text()).orElseThrow();
        StorageDecl storage = PlatformIndex.storage(device, stack.busDomain().value()).orElseThrow();
        return new StackModel(device.name().text(), storage.kind(),
                stack.remap().map(r -> r.iommu().text()), stack.hcall().isPresent(),
                Defaults.alloc(stack));
    }
}
