package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.DeviceAddress;
import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.ast.Rid;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * IRQ021: two functions with the same requester id in one segment (a requester id without a segment is
 * in segment 0). Sub-devices share their parent's by design and are not counted.
 */
final class DuplicateRequesterIdRule extends PlatformRule {

    @Override
    void check(PlatformIndex index, Report report) {
        Map<List<BigInteger>, DeviceDecl> seen = new HashMap<>();
        for (DeviceDecl device : index.platform().devices()) {
            if (device.address() instanceof DeviceAddress.Function f && RequesterIdRangeRule.problem(f.rid()) == null) {
                Rid rid = f.rid();
                List<BigInteger> key = List.of(rid.segment().orElse(BigInteger.ZERO), rid.bus(), rid.device(),
                        rid.function());
                DeviceDecl earlier = seen.putIfAbsent(key, device);
                if (earlier != null) {
                    report.add(DiagnosticCode.IRQ021, rid.pos(), "requester id " + rid.text()
                            + " is already device " + earlier.name().text() + "'s (at " + earlier.name().pos() + ")");
                }
            }
        }
    }
}
