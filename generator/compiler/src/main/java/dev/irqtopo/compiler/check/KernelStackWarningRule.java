package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.Defaults;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.ast.StorageDecl;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import dev.irqtopo.model.KernelProfile;
import dev.irqtopo.model.StackPlan;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * IRQ110 and IRQ111: a stack the kernel's profile does not build, as its {@link StackPlan} says: the
 * kernel has no IMS domain there (IRQ110), or no hypercall that composes the storage (IRQ111). The bus
 * domain is then not created, and its allocations fail with EOPNOTSUPP.
 */
final class KernelStackWarningRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.X86);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        for (KernelStack ks : KernelStack.all(index.platform())) {
            Optional<StorageDecl> storage = ks.storage(index);
            if (storage.isEmpty() || report.hasErrorIn(ks.stack())) {
                continue;
            }
            KernelProfile kernel = ks.profile(index);
            Optional<StackPlan.Refusal> refusal = ks.plan(index).orElseThrow().refusal();
            if (refusal.isEmpty()) {
                continue;
            }
            String storageWords = storage.get().kind().keyword();
            switch (refusal.get()) {
                case NO_IMS_DOMAIN -> report.add(DiagnosticCode.IRQ110, ks.stack().at(), ks.kernel() + " runs "
                        + kernel.words() + ", which " + imsRule(kernel, ks) + ": the IMS domain is not created"
                        + " (EOPNOTSUPP)");
                case NO_COMPOSE_HYPERCALL -> report.add(DiagnosticCode.IRQ111, ks.stack().at(), ks.kernel() + " runs "
                        + kernel.words() + ", which composes only msi and msix by hypercall, and only under hyperv"
                        + " or xen: the " + storageWords + " domain is not created (EOPNOTSUPP)");
                case UNTRANSLATABLE -> {
                    // IRQ100's
                }
            }
        }
    }

    /** Why the kernel has no IMS domain for this stack, in its own release's terms. */
    private static String imsRule(KernelProfile kernel, KernelStack ks) {
        if (kernel.createsImsDomain(KernelProfile.ImsParent.REAL_REMAPPING)) {
            return ks.isHost() ? "offers IMS only on a real interrupt-remapping unit ('remap' in the chain)"
                    : "offers IMS only on a real interrupt-remapping unit, which a guest does not have";
        }
        return "has no IMS at all (Linux offered it from 6.2 to 6.9)";
    }
}
