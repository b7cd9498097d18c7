package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.BridgeDecl;
import dev.irqtopo.compiler.ast.DeviceAddress;
import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.ast.Rid;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import java.math.BigInteger;
import java.util.Optional;

/**
 * IRQ048: the functions inside a {@code bridge} block sit on its secondary bus: one bus for all of
 * them, in the bridge's segment, and not the bridge's own bus (that is its primary side). The secondary
 * bus is the one the first fitting function names ({@link PlatformIndex#declaredSecondaryBus}); every
 * function elsewhere is reported at its requester id. Sub-devices have no requester id of their own and
 * sit where their parent is, so their place in the block is not judged here.
 */
final class BridgeBusRule extends PlatformRule {

    @Override
    void check(PlatformIndex index, Report report) {
        for (BridgeDecl bridge : index.platform().bridges()) {
            Rid own = bridge.rid();
            Optional<BigInteger> secondary = PlatformIndex.declaredSecondaryBus(bridge);
            for (DeviceDecl device : bridge.devices()) {
                if (!(device.address() instanceof DeviceAddress.Function f) || !f.rid().inRange()) {
                    continue;
                }
                Rid rid = f.rid();
                String where = "device " + device.name().text() + " (" + rid.text() + ") ";
                String bridgeName = "bridge " + bridge.name().text();
                if (!rid.segmentOrZero().equals(own.segmentOrZero())) {
                    report.add(DiagnosticCode.IRQ048, rid.pos(), where + "is in segment " + hex(rid.segmentOrZero(), 4)
                            + ", but " + bridgeName + " is in segment " + hex(own.segmentOrZero(), 4));
                } else if (rid.sameBus(own)) {
                    report.add(DiagnosticCode.IRQ048, rid.pos(), where + "is on " + bridgeName + "'s own bus "
                            + hex(own.bus(), 2) + ": the devices of a bridge sit on its secondary bus");
                } else if (secondary.isPresent() && !rid.bus().equals(secondary.get())) {
                    report.add(DiagnosticCode.IRQ048, rid.pos(), where + "is not on " + bridgeName
                            + "'s secondary bus " + hex(secondary.get(), 2)
                            + ": every device of a bridge sits on the same secondary bus");
                }
            }
        }
    }

    private static String hex(BigInteger value, int digits) {
        return String.format("%0" + digits + "x", value);
    }
}
