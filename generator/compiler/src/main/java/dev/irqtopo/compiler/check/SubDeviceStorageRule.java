package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.ast.StorageDecl;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.BusDomainKind;

/**
 * IRQ041: a sub-device has no PCI function of its own, hence no MSI capability or MSI-X table: it may
 * declare only IMS storage.
 */
final class SubDeviceStorageRule extends PlatformRule {

    @Override
    void check(PlatformIndex index, Report report) {
        for (DeviceDecl device : index.platform().devices()) {
            if (!device.isSubDevice()) {
                continue;
            }
            for (StorageDecl storage : device.storages()) {
                if (storage.busDomain() != BusDomainKind.IMS) {
                    report.add(DiagnosticCode.IRQ041, storage.at(), "sub-device " + device.name().text()
                            + " cannot have " + storage.keyword() + " storage: a sub-device has only IMS");
                }
            }
        }
    }
}
