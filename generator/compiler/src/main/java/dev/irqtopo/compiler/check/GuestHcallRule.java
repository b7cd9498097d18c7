package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.Defaults;
import dev.irqtopo.compiler.ast.HypervisorBlock;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import java.util.Optional;

/**
 * IRQ039: a guest stack's {@code hcall} needs the hypervisor's compose hypercall, and a guest that can
 * detect it is virtualized ({@code cpuid visible}). Without any hypervisor, IRQ031 says it all.
 */
final class GuestHcallRule extends PlatformRule {

    @Override
    void check(PlatformIndex index, Report report) {
        Optional<HypervisorBlock> hypervisor = index.hypervisor();
        if (hypervisor.isEmpty()) {
            return;
        }
        String problem = !Defaults.hypervisor(hypervisor.get()).composeHypercall()
                ? "the hypervisor offers no compose hypercall (hypercall none)"
                : !Defaults.hypervisor(hypervisor.get()).cpuidVisible()
                        ? "the guest cannot detect that it is virtualized (cpuid hidden)" : null;
        if (problem == null) {
            return;
        }
        for (KernelStack ks : KernelStack.all(index.platform())) {
            if (!ks.isHost()) {
                ks.stack().hcall().ifPresent(h -> report.add(DiagnosticCode.IRQ039, h.at(),
                        "'hcall' cannot work in " + ks.kernel() + ": " + problem));
            }
        }
    }
}
