package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import java.util.EnumSet;
import java.util.Set;

/** IRQ038: the host runs on the hardware and has no hypervisor to call. */
final class HostHcallRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.X86);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        for (KernelStack ks : KernelStack.all(index.platform())) {
            if (ks.isHost()) {
                ks.stack().hcall().ifPresent(h -> report.add(DiagnosticCode.IRQ038, h.at(),
                        "'hcall' in a host stack: the host has no hypervisor to call"));
            }
        }
    }
}
