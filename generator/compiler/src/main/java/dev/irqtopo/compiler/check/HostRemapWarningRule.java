package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.Defaults;
import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.IommuDecl;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * IRQ103: a host stack without {@code remap} for a device behind an IOMMU with remapping on: the host
 * composes compatibility-format messages, which the unit blocks (or, with {@code compat allowed}, lets
 * pass without remapping).
 */
final class HostRemapWarningRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.X86);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        for (KernelStack ks : KernelStack.all(index.platform())) {
            Optional<DeviceDecl> device = ks.device(index);
            if (!ks.isHost() || ks.stack().remap().isPresent() || device.isEmpty() || report.hasErrorIn(ks.stack())) {
                continue;
            }
            Optional<IommuDecl> iommu = index.iommuCovering(device.get().bus().text()).filter(Defaults::remapping);
            iommu.ifPresent(i -> report.add(DiagnosticCode.IRQ103, ks.stack().at(), "device "
                    + device.get().name().text() + " is behind IOMMU " + i.name().text()
                    + " with remapping on, but the stack has no 'remap " + i.name().text()
                    + "': its messages go out in compatibility format"));
        }
    }
}
