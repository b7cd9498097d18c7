package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.GuestDecl;
import dev.irqtopo.compiler.ast.Name;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * IRQ032: a device is passed through to at most one guest. Reported once per later guest, at the first
 * name of the device in that guest's {@code assign} lists; naming it again there is IRQ108's.
 */
final class AssignmentRule extends PlatformRule {

    @Override
    void check(PlatformIndex index, Report report) {
        Map<String, GuestDecl> owner = new HashMap<>();
        for (GuestDecl guest : index.platform().guests()) {
            Set<String> named = new HashSet<>();
            for (Name device : guest.assigned()) {
                if (device.keyword() || index.device(device.text()).isEmpty() || !named.add(device.text())) {
                    continue;
                }
                GuestDecl earlier = owner.putIfAbsent(device.text(), guest);
                if (earlier != null) {
                    report.add(DiagnosticCode.IRQ032, device.pos(), "device " + device.text()
                            + " is already assigned to guest " + earlier.name().text());
                }
            }
        }
    }

    /**
     * Whether this {@code assign} name is IRQ032: a device that an earlier guest already owns. The
     * warnings about assignments leave such a name alone.
     */
    static boolean assignedElsewhere(Name device, GuestDecl guest, PlatformIndex index) {
        return index.owner(device.text()).filter(owner -> owner != guest).isPresent();
    }
}
