package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.HypervisorProp;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import java.util.EnumSet;
import java.util.Set;

/**
 * IRQ070: {@code vlpi on} needs {@code gic v4}: direct injection of virtual LPIs (VMAPTI, vPEs and their
 * doorbells) is GICv4's; a GICv3 ITS only ever translates to physical LPIs.
 */
final class VlpiRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.ARM64);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        boolean v4 = index.gic().map(g -> g.version().value() >= 4).orElse(false);
        index.hypervisor().flatMap(h -> h.prop(HypervisorProp.Vlpi.class)).filter(HypervisorProp.Vlpi::on)
                .filter(vlpi -> !v4 && index.gic().isPresent())
                .ifPresent(vlpi -> report.add(DiagnosticCode.IRQ070, vlpi.at(), "'vlpi on' needs a GICv4: the"
                        + " gic block at " + index.gic().get().at() + " is a GICv3, whose ITS translates only to"
                        + " physical LPIs"));
    }
}
