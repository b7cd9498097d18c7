package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.HypervisorBlock;
import dev.irqtopo.compiler.ast.HypervisorProp;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.StorageKind;

/** IRQ040: IMS in queue memory is the guest's own RAM; no store to it can be trapped. */
final class UntrappableStorageRule extends PlatformRule {

    @Override
    void check(PlatformIndex index, Report report) {
        for (HypervisorBlock hypervisor : index.platform().hypervisorBlocks()) {
            hypervisor.props().stream().filter(HypervisorProp.Traps.class::isInstance)
                    .flatMap(t -> ((HypervisorProp.Traps) t).storages().stream())
                    .filter(s -> s.value() == StorageKind.IMS_QUEUE)
                    .forEach(s -> report.add(DiagnosticCode.IRQ040, s.pos(),
                            "'ims queue' cannot be trapped: queue memory is guest RAM"));
        }
    }
}
