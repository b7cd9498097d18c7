package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.Defaults;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.ast.StorageDecl;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import dev.irqtopo.model.HypervisorModel;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * IRQ112: an arm64 guest stack over a storage KVM does not trap ({@code ims queue} always). The guest's
 * own ITS driver composes for its virtual ITS, whose doorbell KVM emulates: no SMMU or stage-2 mapping
 * backs that guest-physical address for DMA, so the device's write of the message never becomes the
 * guest's interrupt. Unlike x86 there is no hypercall that composes a host message for the guest, so
 * what such a storage needs is a trap (device memory) or the host owning the function.
 */
final class Arm64GuestStackWarningRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.ARM64);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        Optional<HypervisorModel> hypervisor = index.hypervisor().map(Defaults::hypervisor);
        if (hypervisor.isEmpty()) {
            return;
        }
        for (KernelStack ks : KernelStack.all(index.platform())) {
            Optional<StorageDecl> storage = ks.storage(index);
            if (ks.isHost() || storage.isEmpty() || report.hasErrorIn(ks.stack())
                    || hypervisor.get().traps(storage.get().kind())) {
                continue;
            }
            report.add(DiagnosticCode.IRQ112, ks.stack().at(), "KVM does not trap " + storage.get().kind().keyword()
                    + ": the device writes the message " + ks.kernel() + " composes for its virtual ITS, whose doorbell"
                    + " nothing maps for DMA, so these interrupts never reach " + ks.kernel()
                    + "; it needs a trapped storage or the host to own the function");
        }
    }
}
