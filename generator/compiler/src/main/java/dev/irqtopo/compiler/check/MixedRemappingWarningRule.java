package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.Defaults;
import dev.irqtopo.compiler.ast.IommuDecl;
import dev.irqtopo.compiler.ast.IommuProp;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * IRQ109: some IOMMUs with remapping on and others off. Linux enables interrupt remapping on every unit
 * or on none, so such a platform is not one Linux builds (and Linux 6.1's isolated-MSI answer, which is
 * system-wide, would differ from the per-unit one). Reported once, at the {@code off} of the first unit
 * with remapping off.
 */
final class MixedRemappingWarningRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.X86);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        List<IommuDecl> iommus = index.platform().iommus();
        Optional<IommuDecl> on = iommus.stream().filter(Defaults::remapping).findFirst();
        Optional<IommuDecl> off = iommus.stream().filter(i -> !Defaults.remapping(i)).findFirst();
        if (on.isEmpty() || off.isEmpty()) {
            return;
        }
        IommuProp.Remapping remapping = off.get().prop(IommuProp.Remapping.class).orElseThrow();
        report.add(DiagnosticCode.IRQ109, remapping.word(), "IOMMU " + off.get().name().text()
                + " has remapping off while IOMMU " + on.get().name().text() + " has it on: Linux enables"
                + " interrupt remapping on every unit or on none");
    }
}
