package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.DeviceAddress;
import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.Name;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.ast.Rid;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * IRQ021: two functions, bridges or I/O APICs with the same requester id in one segment (a requester id without
 * a segment is in segment 0): a bridge is a PCI function of its own on its primary bus. Sub-devices
 * share their parent's by design and are not counted.
 */
final class DuplicateRequesterIdRule extends PlatformRule {

    /** A requester id as declared, by a device or a bridge. */
    private record Holder(Rid rid, String what, Name name) {
    }

    @Override
    void check(PlatformIndex index, Report report) {
        List<Holder> holders = new ArrayList<>();
        for (DeviceDecl device : index.platform().devices()) {
            if (device.address() instanceof DeviceAddress.Function f) {
                holders.add(new Holder(f.rid(), "device", device.name()));
            }
        }
        index.platform().bridges().forEach(b -> holders.add(new Holder(b.rid(), "bridge", b.name())));
        index.platform().ioapics().forEach(io -> io.rid().ifPresent(rid -> holders.add(new Holder(rid, "ioapic", io.name()))));
        holders.sort(Comparator.comparing(h -> h.rid().pos()));

        Map<List<BigInteger>, Holder> seen = new HashMap<>();
        for (Holder holder : holders) {
            Rid rid = holder.rid();
            if (RequesterIdRangeRule.problem(rid) != null) {
                continue;
            }
            List<BigInteger> key = List.of(rid.segmentOrZero(), rid.bus(), rid.device(), rid.function());
            Holder earlier = seen.putIfAbsent(key, holder);
            if (earlier != null) {
                report.add(DiagnosticCode.IRQ021, rid.pos(), "requester id " + rid.text() + " is already "
                        + earlier.what() + " " + earlier.name().text() + "'s (at " + earlier.name().pos() + ")");
            }
        }
    }
}
