package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.Defaults;
import dev.irqtopo.compiler.ast.HypervisorBlock;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.ast.StorageDecl;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.StorageKind;
import java.util.Optional;

/**
 * IRQ100, IRQ101, IRQ102: what becomes of a guest stack without {@code hcall}, whose guest composes
 * messages itself, when the hypervisor does not trap the storage. At most one of them per stack:
 * <ul>
 * <li>IRQ100: IMS in queue memory in a guest that knows it is virtualized: its vector domain refuses to
 *     create the domain (EOPNOTSUPP);
 * <li>IRQ101: a guest that cannot tell it is virtualized composes as on bare metal, and its messages reach
 *     the hardware untranslated;
 * <li>IRQ102: otherwise, an untrapped storage: the guest's messages reach the hardware untranslated.
 * </ul>
 */
final class GuestStackWarningRule extends PlatformRule {

    @Override
    void check(PlatformIndex index, Report report) {
        Optional<HypervisorBlock> hypervisor = index.hypervisor();
        if (hypervisor.isEmpty()) {
            return;
        }
        boolean visible = Defaults.hypervisor(hypervisor.get()).cpuidVisible();
        for (KernelStack ks : KernelStack.all(index.platform())) {
            Optional<StorageDecl> storage = ks.storage(index);
            if (ks.isHost() || ks.stack().hcall().isPresent() || storage.isEmpty() || report.hasErrorIn(ks.stack())) {
                continue;
            }
            StorageKind kind = storage.get().kind();
            boolean trapped = Defaults.hypervisor(hypervisor.get()).traps(kind);
            if (kind == StorageKind.IMS_QUEUE && visible) {
                report.add(DiagnosticCode.IRQ100, ks.stack().at(), ks.kernel()
                        + " knows it is virtualized and ims queue cannot be trapped: without 'hcall' creating"
                        + " the IMS domain fails (EOPNOTSUPP)");
            } else if (!visible && !trapped) {
                report.add(DiagnosticCode.IRQ101, ks.stack().at(), ks.kernel()
                        + " cannot detect it is virtualized (cpuid hidden) and the hypervisor does not trap "
                        + kind.keyword() + ": the guest composes as on bare metal and its messages reach the"
                        + " hardware untranslated");
            } else if (!trapped) {
                report.add(DiagnosticCode.IRQ102, ks.stack().at(), "the hypervisor does not trap " + kind.keyword()
                        + ": messages " + ks.kernel() + " composes without 'hcall' reach the hardware untranslated");
            }
        }
    }
}
