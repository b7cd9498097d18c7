package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.GicProp;
import dev.irqtopo.compiler.ast.MsiControllerDecl;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * IRQ071: two MSI controllers whose register frames overlap (an ITS's two 64 KiB frames, a GICv2m's 4
 * KiB frame, each found from its doorbell): a write to the shared address could not say which one it is
 * for. Reported at the later controller's doorbell; doorbells out of place are IRQ020's.
 */
final class DoorbellOverlapRule extends PlatformRule {

    private record Frame(MsiControllerDecl controller, GicProp.Doorbell doorbell, long base, long end) {
    }

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.ARM64);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        List<Frame> frames = new ArrayList<>();
        for (MsiControllerDecl controller : index.platform().msiControllers()) {
            controller.prop(GicProp.Doorbell.class).filter(d -> d.address().in(0, GicLimits.MAX_ADDRESS))
                    .ifPresent(d -> frames.add(frame(controller, d)));
        }
        for (int later = 1; later < frames.size(); later++) {
            Frame frame = frames.get(later);
            for (Frame earlier : frames.subList(0, later)) {
                if (frame.base() < earlier.end() && earlier.base() < frame.end()) {
                    report.add(DiagnosticCode.IRQ071, frame.doorbell().address().pos(), frame.controller().keyword()
                            + " " + frame.controller().name().text() + "'s registers overlap those of "
                            + earlier.controller().keyword() + " " + earlier.controller().name().text()
                            + " (doorbell at " + earlier.doorbell().address().pos() + ")");
                    break;
                }
            }
        }
    }

    private static Frame frame(MsiControllerDecl controller, GicProp.Doorbell doorbell) {
        long address = doorbell.address().value().longValue();
        if (controller instanceof MsiControllerDecl.Its) {
            long base = address - GicLimits.GITS_TRANSLATER;
            return new Frame(controller, doorbell, base, base + GicLimits.ITS_FRAMES);
        }
        long base = address - GicLimits.V2M_SETSPI;
        return new Frame(controller, doorbell, base, base + GicLimits.V2M_FRAME);
    }
}
