package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.BusDomainKind;

/**
 * IRQ104: x86 gives a multi-message MSI block only through a remap domain in the same stack (without
 * one, the device would need aligned contiguous vectors on one CPU), so {@code msi} with {@code alloc}
 * above 1 and no {@code remap} fails to allocate (ENOSPC). Every guest stack is without {@code remap}.
 */
final class MultiMessageMsiWarningRule extends PlatformRule {

    @Override
    void check(PlatformIndex index, Report report) {
        for (KernelStack ks : KernelStack.all(index.platform())) {
            var stack = ks.stack();
            boolean multiMessage = stack.alloc().filter(a -> a.in(2, NumberRangeRule.MAX_ALLOC)).isPresent();
            if (stack.busDomain().value() != BusDomainKind.MSI || !multiMessage || stack.remap().isPresent()
                    || report.hasErrorIn(stack)) {
                continue;
            }
            report.add(DiagnosticCode.IRQ104, stack.at(), "msi alloc " + stack.alloc().get().text()
                    + " without 'remap': x86 offers multi-message MSI only through a remap domain, so allocation"
                    + " will fail (ENOSPC)");
        }
    }
}
