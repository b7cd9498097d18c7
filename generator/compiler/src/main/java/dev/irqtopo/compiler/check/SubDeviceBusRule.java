package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.Name;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;

/** IRQ047: a sub-device lives on its parent's bus, so it is declared in its parent's bus block. */
final class SubDeviceBusRule extends PlatformRule {

    @Override
    void check(PlatformIndex index, Report report) {
        for (DeviceDecl device : index.platform().devices()) {
            if (device.parent().isEmpty() || device.parent().get().keyword()) {
                continue;
            }
            Name parentName = device.parent().get();
            index.device(parentName.text())
                    .filter(parent -> !parent.bus().equals(device.bus()))
                    .ifPresent(parent -> report.add(DiagnosticCode.IRQ047, parentName.pos(),
                            "sub-device " + device.name().text() + " must be declared in bus " + parent.bus().text()
                                    + " with its parent " + parent.name().text()));
        }
    }
}
