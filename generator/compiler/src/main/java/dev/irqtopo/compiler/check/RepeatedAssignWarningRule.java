package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.GuestDecl;
import dev.irqtopo.compiler.ast.Name;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import java.util.HashMap;
import java.util.Map;

/**
 * IRQ108: a device named twice in one guest's {@code assign} lists (which accumulate). Harmless, since
 * the guest gets the device once, but likely a slip; it is not IRQ032, which is about two guests.
 */
final class RepeatedAssignWarningRule extends PlatformRule {

    @Override
    void check(PlatformIndex index, Report report) {
        for (GuestDecl guest : index.platform().guests()) {
            Map<String, Name> first = new HashMap<>();
            for (Name name : guest.assigned()) {
                if (name.keyword() || index.device(name.text()).isEmpty()) {
                    continue;
                }
                Name earlier = first.putIfAbsent(name.text(), name);
                if (earlier != null) {
                    report.add(DiagnosticCode.IRQ108, name.pos(), "device " + name.text()
                            + " is already assigned to guest " + guest.name().text() + " (at " + earlier.pos() + ")");
                }
            }
        }
    }
}
