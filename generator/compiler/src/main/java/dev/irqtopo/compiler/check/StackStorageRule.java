package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import java.util.Optional;

/** IRQ034: a stack's bus domain stores into a storage the device must have. */
final class StackStorageRule extends PlatformRule {

    @Override
    void check(PlatformIndex index, Report report) {
        for (KernelStack ks : KernelStack.all(index.platform())) {
            Optional<DeviceDecl> device = ks.device(index);
            if (device.isPresent() && ks.storage(index).isEmpty()) {
                String busDomain = ks.stack().busDomain().value().keyword();
                report.add(DiagnosticCode.IRQ034, ks.stack().busDomain().pos(),
                        "device " + device.get().name().text() + " has no " + busDomain + " storage");
            }
        }
    }
}
