package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import java.util.EnumSet;
import java.util.Set;

/** IRQ030 on riscv64: the platform needs an {@code imsic} block; its harts have no other way to take an MSI. */
final class RiscvRequiredRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.RISCV64);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        var platform = index.platform();
        if (platform.imsics().isEmpty()) {
            report.add(DiagnosticCode.IRQ030, platform.name().pos(), "riscv64 platform " + platform.name().text()
                    + " has no imsic block");
        }
    }
}
