package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.ast.StorageDecl;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.BusDomainKind;
import java.util.List;

/** IRQ043: a device has at most one IMS storage, in device memory or in queue memory. */
final class ImsStorageRule extends PlatformRule {

    @Override
    void check(PlatformIndex index, Report report) {
        for (DeviceDecl device : index.platform().devices()) {
            List<StorageDecl> ims = device.storages().stream().filter(s -> s.busDomain() == BusDomainKind.IMS).toList();
            for (StorageDecl second : ims.subList(Math.min(1, ims.size()), ims.size())) {
                report.add(DiagnosticCode.IRQ043, second.at(), "device " + device.name().text()
                        + " already has " + ims.get(0).kind().keyword() + " storage (at " + ims.get(0).at()
                        + "); a device has at most one IMS storage");
            }
        }
    }
}
