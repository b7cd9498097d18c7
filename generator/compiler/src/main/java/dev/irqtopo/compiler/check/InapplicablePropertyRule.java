package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.IommuDecl;
import dev.irqtopo.compiler.ast.IommuProp;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import dev.irqtopo.model.IommuKind;
import java.util.EnumSet;
import java.util.Set;

/**
 * IRQ023: a property that does not apply to the block's kind. AMD-Vi keeps one table per requester id,
 * so VT-d's {@code source_check}, {@code compat} and {@code posted} have no meaning there.
 */
final class InapplicablePropertyRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.X86);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        for (IommuDecl iommu : index.platform().iommus()) {
            if (iommu.kind() != IommuKind.AMDVI) {
                continue;
            }
            for (IommuProp prop : iommu.props()) {
                if (prop instanceof IommuProp.SourceCheckProp || prop instanceof IommuProp.Compat
                        || prop instanceof IommuProp.Posted) {
                    report.add(DiagnosticCode.IRQ023, prop.at(),
                            "'" + prop.keyword() + "' applies to vtd only, not to amdvi " + iommu.name().text());
                }
            }
        }
    }
}
