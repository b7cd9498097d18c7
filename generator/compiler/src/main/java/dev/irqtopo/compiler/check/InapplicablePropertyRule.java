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
 * so VT-d's {@code source_check}, {@code compat} and {@code posted} have no meaning there. A RISC-V IOMMU
 * has no remapping table: of an IOMMU's properties it takes {@code covers} and its own {@code msi}, the
 * device contexts' MSI translation, which the x86 units do not have.
 */
final class InapplicablePropertyRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.X86, Architecture.RISCV64);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        for (IommuDecl iommu : index.platform().iommus()) {
            for (IommuProp prop : iommu.props()) {
                boolean riscvOnly = prop instanceof IommuProp.MsiTranslation;
                if (iommu.kind() == IommuKind.RISCV ? !riscvOnly && !(prop instanceof IommuProp.Covers) : riscvOnly) {
                    report.add(DiagnosticCode.IRQ023, prop.at(), "'" + prop.keyword() + "' does not apply to "
                            + iommu.kind().keyword() + " " + iommu.name().text() + (riscvOnly
                            ? ": only a RISC-V IOMMU translates MSIs by page tables"
                            : ": a RISC-V IOMMU has no remapping table; it takes 'covers' and 'msi'"));
                    continue;
                }
                if (iommu.kind() != IommuKind.AMDVI) {
                    continue;
                }
                if (prop instanceof IommuProp.SourceCheckProp || prop instanceof IommuProp.Compat
                        || prop instanceof IommuProp.Posted) {
                    report.add(DiagnosticCode.IRQ023, prop.at(),
                            "'" + prop.keyword() + "' applies to vtd only, not to amdvi " + iommu.name().text());
                }
            }
        }
    }
}
