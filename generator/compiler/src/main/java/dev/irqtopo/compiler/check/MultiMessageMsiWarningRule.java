package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.StackPlan;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * IRQ104: an {@code msi} stack with {@code alloc} above 1 whose plan allows one message only
 * ({@link StackPlan#multiMessage()}): x86 gives a multi-message MSI block only where remapping stands
 * between the device and the vectors, else the device would need aligned contiguous vectors on one CPU.
 * Such a request fails to allocate (ENOSPC).
 */
final class MultiMessageMsiWarningRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.X86);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        for (KernelStack ks : KernelStack.all(index.platform())) {
            var stack = ks.stack();
            boolean multiMessage = stack.alloc().filter(a -> a.in(2, NumberRangeRule.MAX_ALLOC)).isPresent();
            if (stack.busDomain().value() != BusDomainKind.MSI || !multiMessage || report.hasErrorIn(stack)) {
                continue;
            }
            Optional<StackPlan> plan = ks.plan(index);
            if (plan.isEmpty() || plan.get().multiMessage()) {
                continue;
            }
            String without = ks.isHost() ? "'remap'" : "'hcall'";
            report.add(DiagnosticCode.IRQ104, stack.at(), "msi alloc " + stack.alloc().get().text() + " in "
                    + ks.kernel() + " without " + without + ": x86 offers multi-message MSI only through"
                    + " interrupt remapping, so allocation will fail (ENOSPC)");
        }
    }
}
