package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.GuestDecl;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import java.util.Optional;

/**
 * IRQ033: a kernel builds stacks only for its own devices. A guest owns what it is assigned; the host
 * owns every device no guest is assigned.
 */
final class StackOwnershipRule extends PlatformRule {

    @Override
    void check(PlatformIndex index, Report report) {
        for (KernelStack ks : KernelStack.all(index.platform())) {
            Optional<DeviceDecl> device = ks.device(index);
            if (device.isEmpty()) {
                continue;
            }
            Optional<GuestDecl> owner = index.owner(device.get().name().text());
            if (!owner.equals(ks.guest())) {
                String ownedBy = owner.map(g -> "assigned to guest " + g.name().text()).orElse("owned by the host");
                report.add(DiagnosticCode.IRQ033, ks.stack().device().pos(), ks.kernel() + " does not own device "
                        + device.get().name().text() + ": it is " + ownedBy);
            }
        }
    }
}
