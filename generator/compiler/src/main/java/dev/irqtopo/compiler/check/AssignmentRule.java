package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.GuestDecl;
import dev.irqtopo.compiler.ast.Name;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import java.util.HashMap;
import java.util.Map;

/** IRQ032: a device is passed through to at most one guest. */
final class AssignmentRule extends PlatformRule {

    @Override
    void check(PlatformIndex index, Report report) {
        Map<String, GuestDecl> owner = new HashMap<>();
        for (GuestDecl guest : index.platform().guests()) {
            for (Name device : guest.assigned()) {
                if (device.keyword() || index.device(device.text()).isEmpty()) {
                    continue;
                }
                GuestDecl earlier = owner.putIfAbsent(device.text(), guest);
                if (earlier != null && earlier != guest) {
                    report.add(DiagnosticCode.IRQ032, device.pos(), "device " + device.text()
                            + " is already assigned to guest " + earlier.name().text());
                }
            }
        }
    }
}
