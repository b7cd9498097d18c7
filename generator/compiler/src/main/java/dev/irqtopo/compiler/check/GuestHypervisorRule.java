package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.GuestDecl;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;

/** IRQ031: a guest runs on a hypervisor, which the platform must declare. */
final class GuestHypervisorRule extends PlatformRule {

    @Override
    void check(PlatformIndex index, Report report) {
        if (index.hypervisor().isPresent()) {
            return;
        }
        for (GuestDecl guest : index.platform().guests()) {
            report.add(DiagnosticCode.IRQ031, guest.name().pos(),
                    "guest " + guest.name().text() + " needs a hypervisor block in its platform");
        }
    }
}
