package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.BridgeDecl;
import dev.irqtopo.compiler.ast.BusDecl;
import dev.irqtopo.compiler.ast.DeviceAddress;
import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.MsiMapDecl;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.ast.Rid;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import java.math.BigInteger;

/**
 * IRQ020 for requester ids, of functions, bridges and I/O APICs: segment ≤ ffff, bus ≤ ff, device ≤ 1f,
 * function ≤ 7; and an {@code msi_map}'s rid-base, which counts within its bus block's segment and so
 * gives none.
 */
final class RequesterIdRangeRule extends PlatformRule {

    @Override
    void check(PlatformIndex index, Report report) {
        for (DeviceDecl device : index.platform().devices()) {
            if (device.address() instanceof DeviceAddress.Function f) {
                check(f.rid(), report);
            }
        }
        for (BridgeDecl bridge : index.platform().bridges()) {
            check(bridge.rid(), report);
        }
        index.platform().ioapics().forEach(io -> io.rid().ifPresent(rid -> check(rid, report)));
        for (BusDecl bus : index.platform().buses()) {
            for (MsiMapDecl map : bus.msiMaps()) {
                if (map.ridBase().segment().isPresent()) {
                    report.add(DiagnosticCode.IRQ020, map.ridBase().pos(), "an msi_map's rid-base counts within"
                            + " the bus's segment: write it as bus:device.function, not " + map.ridBase().text());
                } else {
                    check(map.ridBase(), report);
                }
            }
        }
    }

    private static void check(Rid rid, Report report) {
        String problem = problem(rid);
        if (problem != null) {
            report.add(DiagnosticCode.IRQ020, rid.pos(), "requester id " + rid.text() + ": " + problem);
        }
    }

    /** What is out of range in a requester id, or null when nothing is. */
    static String problem(Rid rid) {
        if (rid.segment().isPresent() && above(rid.segment().get(), 0xffff)) {
            return "segment above ffff";
        }
        if (above(rid.bus(), 0xff)) {
            return "bus above ff";
        }
        if (above(rid.device(), 0x1f)) {
            return "device above 1f";
        }
        if (above(rid.function(), 0x7)) {
            return "function above 7";
        }
        return null;
    }

    private static boolean above(BigInteger value, int max) {
        return value.compareTo(BigInteger.valueOf(max)) > 0;
    }
}
