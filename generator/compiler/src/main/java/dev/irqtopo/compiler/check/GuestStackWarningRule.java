package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.Defaults;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.ast.StorageDecl;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import dev.irqtopo.model.HypervisorModel;
import dev.irqtopo.model.StackPlan;
import dev.irqtopo.model.StorageKind;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * IRQ100, IRQ101, IRQ102: what the stack's plan ({@link StackPlan}) says becomes of a guest stack whose
 * guest composes messages itself. At most one of them per stack:
 * <ul>
 * <li>IRQ100: the bus domain is not created: IMS in queue memory in a guest that knows it is virtualized,
 *     whose vector domain refuses it (EOPNOTSUPP);
 * <li>IRQ101: the store is untrapped in a guest that cannot tell it is virtualized: it composes as on bare
 *     metal, and its messages reach the hardware untranslated;
 * <li>IRQ102: otherwise, an untrapped store: the guest's messages reach the hardware untranslated.
 * </ul>
 */
final class GuestStackWarningRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.X86);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        Optional<HypervisorModel> hypervisor = index.hypervisor().map(Defaults::hypervisor);
        if (hypervisor.isEmpty()) {
            return;
        }
        for (KernelStack ks : KernelStack.all(index.platform())) {
            Optional<StorageDecl> storage = ks.storage(index);
            if (ks.isHost() || storage.isEmpty() || report.hasErrorIn(ks.stack())) {
                continue;
            }
            StackPlan plan = ks.plan(index).orElseThrow();
            StorageKind kind = storage.get().kind();
            boolean untrapped = plan.store() == StackPlan.Store.UNTRAPPED;
            if (plan.refusal().isPresent() && plan.refusal().get() != StackPlan.Refusal.UNTRANSLATABLE) {
                continue; // the kernel's profile does not build it: IRQ110's or IRQ111's
            }
            if (!plan.created()) {
                report.add(DiagnosticCode.IRQ100, ks.stack().at(), ks.kernel()
                        + " knows it is virtualized and ims queue cannot be trapped: without 'hcall' creating"
                        + " the IMS domain fails (EOPNOTSUPP)");
            } else if (untrapped && !hypervisor.get().cpuidVisible()) {
                report.add(DiagnosticCode.IRQ101, ks.stack().at(), ks.kernel()
                        + " cannot detect it is virtualized (cpuid hidden) and the hypervisor does not trap "
                        + kind.keyword() + ": the guest composes as on bare metal and its messages reach the"
                        + " hardware untranslated");
            } else if (untrapped) {
                report.add(DiagnosticCode.IRQ102, ks.stack().at(), "the hypervisor does not trap " + kind.keyword()
                        + ": messages " + ks.kernel() + " composes without 'hcall' reach the hardware untranslated");
            }
        }
    }
}
