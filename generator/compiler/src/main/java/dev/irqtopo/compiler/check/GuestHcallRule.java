package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.Defaults;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import dev.irqtopo.model.HypervisorModel;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * IRQ039: a guest stack's {@code hcall} needs a compose hypercall the guest can use
 * ({@link HypervisorModel#composeHypercallUsable()}: offered, and the guest can detect it is
 * virtualized). Without any hypervisor, IRQ031 says it all.
 */
final class GuestHcallRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.X86);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        Optional<HypervisorModel> hypervisor = index.hypervisor().map(Defaults::hypervisor);
        if (hypervisor.isEmpty() || hypervisor.get().composeHypercallUsable()) {
            return;
        }
        String problem = !hypervisor.get().composeHypercall()
                ? "the hypervisor offers no compose hypercall (hypercall none)"
                : "the guest cannot detect that it is virtualized (cpuid hidden)";
        for (KernelStack ks : KernelStack.all(index.platform())) {
            if (!ks.isHost()) {
                ks.stack().hcall().ifPresent(h -> report.add(DiagnosticCode.IRQ039, h.at(),
                        "'hcall' cannot work in " + ks.kernel() + ": " + problem));
            }
        }
    }
}
