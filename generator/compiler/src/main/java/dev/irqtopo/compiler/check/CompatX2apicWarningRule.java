package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.CpuProp;
import dev.irqtopo.compiler.ast.Defaults;
import dev.irqtopo.compiler.ast.IommuDecl;
import dev.irqtopo.compiler.ast.IommuProp;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.Architecture;
import dev.irqtopo.model.IommuKind;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * IRQ105: with {@code apic x2apic} a VT-d unit runs in x2APIC mode (IRTA.EIME = 1), where
 * compatibility-format messages are blocked whatever the CFI bit says, so {@code compat allowed} changes
 * nothing. The rule names no remapping condition, so a unit with remapping off (where {@code compat}
 * means nothing either) is warned of too. On amdvi {@code compat} is IRQ023's.
 */
final class CompatX2apicWarningRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.X86);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        boolean x2apic = index.cpu().flatMap(c -> c.props(CpuProp.Apic.class).stream().findFirst())
                .filter(a -> a.mode().value() == ApicMode.X2APIC).isPresent();
        if (!x2apic) {
            return;
        }
        for (IommuDecl iommu : index.platform().iommus()) {
            Optional<IommuProp.Compat> compat = iommu.prop(IommuProp.Compat.class).filter(IommuProp.Compat::allowed);
            if (iommu.kind() == IommuKind.VTD && compat.isPresent()) {
                String why = Defaults.remapping(iommu)
                        ? " runs in x2APIC mode (apic x2apic), where VT-d blocks compatibility-format messages"
                                + " whatever 'compat' says"
                        : " has remapping off, and with apic x2apic VT-d would block compatibility format anyway";
                report.add(DiagnosticCode.IRQ105, compat.get().word(), "IOMMU " + iommu.name().text() + why
                        + ": 'compat allowed' has no effect");
            }
        }
    }
}
