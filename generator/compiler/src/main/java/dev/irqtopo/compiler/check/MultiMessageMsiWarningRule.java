package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.BusDomainKind;

/**
 * IRQ104: x86 gives a multi-message MSI block only where remapping stands between the device and the
 * vectors: without it the device would need aligned contiguous vectors on one CPU. A host stack gets it
 * through {@code remap}, a guest stack through {@code hcall} (the host then allocates the block behind
 * its own remapping, as Hyper-V's vPCI driver asks it to). Any other {@code msi} stack with {@code alloc}
 * above 1 fails to allocate (ENOSPC).
 */
final class MultiMessageMsiWarningRule extends PlatformRule {

    @Override
    void check(PlatformIndex index, Report report) {
        for (KernelStack ks : KernelStack.all(index.platform())) {
            var stack = ks.stack();
            boolean multiMessage = stack.alloc().filter(a -> a.in(2, NumberRangeRule.MAX_ALLOC)).isPresent();
            boolean remapped = ks.isHost() ? stack.remap().isPresent() : stack.hcall().isPresent();
            if (stack.busDomain().value() != BusDomainKind.MSI || !multiMessage || remapped
                    || report.hasErrorIn(stack)) {
                continue;
            }
            String without = ks.isHost() ? "'remap'" : "'hcall'";
            report.add(DiagnosticCode.IRQ104, stack.at(), "msi alloc " + stack.alloc().get().text() + " in "
                    + ks.kernel() + " without " + without + ": x86 offers multi-message MSI only through"
                    + " interrupt remapping, so allocation will fail (ENOSPC)");
        }
    }
}
