package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import java.util.EnumSet;
import java.util.Set;

/** IRQ037: guests have no virtual IOMMU in version 1, so a guest stack cannot {@code remap}. */
final class GuestRemapRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.X86);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        for (KernelStack ks : KernelStack.all(index.platform())) {
            if (!ks.isHost()) {
                ks.stack().remap().ifPresent(r -> report.add(DiagnosticCode.IRQ037, r.at(),
                        ks.kernel() + " has no IOMMU to remap through: guests have no virtual IOMMU"));
            }
        }
    }
}
