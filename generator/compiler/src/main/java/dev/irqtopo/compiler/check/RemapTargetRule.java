package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.Defaults;
import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.IommuDecl;
import dev.irqtopo.compiler.ast.Link;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * IRQ036: a host stack's {@code remap X} needs X to have remapping on and to cover the device's bus.
 * (In a guest stack, {@code remap} is IRQ037 whatever X is.)
 */
final class RemapTargetRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.X86);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        for (KernelStack ks : KernelStack.all(index.platform())) {
            Optional<DeviceDecl> device = ks.device(index);
            if (!ks.isHost() || device.isEmpty()) {
                continue;
            }
            for (Link link : ks.stack().chain()) {
                if (link instanceof Link.Remap remap && !remap.iommu().keyword()) {
                    index.iommu(remap.iommu().text()).ifPresent(iommu -> judge(remap, iommu, device.get(), index, report));
                }
            }
        }
    }

    private static void judge(Link.Remap remap, IommuDecl iommu, DeviceDecl device, PlatformIndex index,
            Report report) {
        String bus = device.bus().text();
        if (!Defaults.remapping(iommu)) {
            report.add(DiagnosticCode.IRQ036, remap.iommu().pos(),
                    "IOMMU " + iommu.name().text() + " has remapping off");
        } else if (!index.iommusCovering(bus).contains(iommu)) {
            report.add(DiagnosticCode.IRQ036, remap.iommu().pos(), "IOMMU " + iommu.name().text()
                    + " does not cover bus " + bus + " of device " + device.name().text());
        }
    }
}
