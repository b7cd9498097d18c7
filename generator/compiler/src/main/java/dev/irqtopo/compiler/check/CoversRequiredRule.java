package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.IommuDecl;
import dev.irqtopo.compiler.ast.IommuProp;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * IRQ046: only a platform's sole IOMMU may leave out {@code covers} (and then covers every bus); among
 * several, each must name its buses, and one that does not covers none.
 */
final class CoversRequiredRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.X86, Architecture.RISCV64);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        List<IommuDecl> iommus = index.platform().iommus();
        if (iommus.size() < 2) {
            return;
        }
        for (IommuDecl iommu : iommus) {
            if (iommu.prop(IommuProp.Covers.class).isEmpty()) {
                report.add(DiagnosticCode.IRQ046, iommu.name().pos(), "IOMMU " + iommu.name().text()
                        + " must say which buses it covers: the platform has " + iommus.size() + " IOMMUs");
            }
        }
    }
}
