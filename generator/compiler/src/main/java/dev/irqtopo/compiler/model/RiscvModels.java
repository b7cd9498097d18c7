package dev.irqtopo.compiler.model;

import dev.irqtopo.compiler.ast.CpuProp;
import dev.irqtopo.compiler.ast.Defaults;
import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.ExpectDecl;
import dev.irqtopo.compiler.ast.GuestDecl;
import dev.irqtopo.compiler.ast.IommuDecl;
import dev.irqtopo.compiler.ast.IommuProp;
import dev.irqtopo.compiler.ast.ImsicDecl;
import dev.irqtopo.compiler.ast.Name;
import dev.irqtopo.compiler.ast.Platform;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.ast.StackDecl;
import dev.irqtopo.compiler.ast.StorageDecl;
import dev.irqtopo.compiler.ast.Word;
import dev.irqtopo.model.RiscvPlatformModel;
import dev.irqtopo.model.riscv.Harts;
import dev.irqtopo.model.riscv.ImsicGeometry;
import dev.irqtopo.model.riscv.ImsicStackModel;
import dev.irqtopo.model.riscv.MsiTranslationMode;
import dev.irqtopo.model.riscv.RiscvGuestModel;
import dev.irqtopo.model.riscv.RiscvHypervisorModel;
import dev.irqtopo.model.riscv.RiscvIommuModel;
import java.util.LinkedHashSet;
import java.util.List;

/** The model stage for a riscv64 platform: its CPU side resolved, the bus side as {@link ModelBuilder} builds it. */
final class RiscvModels {

    private RiscvModels() {
    }

    static RiscvPlatformModel platform(PlatformIndex index, String javaPackage) {
        Platform p = index.platform();
        int harts = index.cpu().orElseThrow().props(CpuProp.Cpus.class).get(0).count().intValue();
        ImsicDecl imsic = p.imsics().get(0);
        int ids = Defaults.identities(imsic);
        ImsicGeometry geometry = new ImsicGeometry(Harts.of(harts), Defaults.guestFiles(imsic), ids, ids,
                Defaults.guestIdentities(imsic), Defaults.imsicPlacement(imsic));
        return new RiscvPlatformModel(
                javaPackage,
                p.name().text(),
                p.description().orElse(""),
                geometry,
                p.iommus().stream().map(i -> iommu(i, index)).toList(),
                index.hypervisor().map(h -> new RiscvHypervisorModel(Defaults.hypervisor(h).traps())),
                p.buses().stream().map(b -> ModelBuilder.bus(b, index)).toList(),
                p.hostStacks().stream().map(s -> stack(s, index)).toList(),
                p.guests().stream().map(g -> guest(g, index)).toList(),
                index.expect().map(ExpectDecl::verdict).map(Word::value));
    }

    /** A RISC-V IOMMU; its device contexts translate MSIs by flat page tables unless {@code msi} says otherwise. */
    private static RiscvIommuModel iommu(IommuDecl iommu, PlatformIndex index) {
        MsiTranslationMode msi = iommu.prop(IommuProp.MsiTranslation.class).map(IommuProp.MsiTranslation::mode)
                .orElse(MsiTranslationMode.FLAT);
        return new RiscvIommuModel(iommu.name().text(), msi, index.busesCoveredBy(iommu));
    }

    private static RiscvGuestModel guest(GuestDecl guest, PlatformIndex index) {
        List<String> devices = List.copyOf(new LinkedHashSet<>(guest.assigned().stream().map(Name::text).toList()));
        return new RiscvGuestModel(guest.name().text(), guest.cpus().get(0).count().intValue(), devices,
                guest.stacks().stream().map(s -> stack(s, index)).toList());
    }

    /** A stack with its {@code ims} resolved to the device's IMS storage. */
    private static ImsicStackModel stack(StackDecl stack, PlatformIndex index) {
        DeviceDecl device = index.device(stack.device().text()).orElseThrow();
        StorageDecl storage = PlatformIndex.storage(device, stack.busDomain().value()).orElseThrow();
        return new ImsicStackModel(device.name().text(), storage.kind(), Defaults.alloc(stack));
    }
}
