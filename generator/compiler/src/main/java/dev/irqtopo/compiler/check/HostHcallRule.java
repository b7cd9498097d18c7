package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;

/** IRQ038: the host runs on the hardware and has no hypervisor to call. */
final class HostHcallRule extends PlatformRule {

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
