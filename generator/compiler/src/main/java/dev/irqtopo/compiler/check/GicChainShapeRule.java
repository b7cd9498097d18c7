package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.Link;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.ast.StackDecl;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import dev.irqtopo.model.BusDomainKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * IRQ035 on arm64: a chain is {@code gic}, then the MSI controller's domain, then the stack's bus domain,
 * as Linux stacks them (the GIC's domain owns the INTIDs; the ITS or GICv2m domain allocates and
 * composes; the bus domain stores). A host names its controller ({@code its ITS} or {@code v2m FRAME}); a
 * guest's chain goes through its virtual ITS, {@code its} alone. A chain holding x86 or riscv64 links is
 * IRQ063's or IRQ075's.
 */
final class GicChainShapeRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.ARM64);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        for (KernelStack ks : KernelStack.all(index.platform())) {
            List<Link> chain = ks.stack().chain();
            if (chain.stream().noneMatch(l -> l instanceof Link.Vector || l instanceof Link.Remap || l instanceof Link.Hcall
                    || l instanceof Link.Imsic)) {
                checkChain(ks.stack(), ks.guest().isPresent(), report);
            }
        }
    }

    private static void checkChain(StackDecl stack, boolean guest, Report report) {
        List<Link> chain = stack.chain();
        BusDomainKind busDomain = stack.busDomain().value();
        String shape = guest ? "a guest's chain is 'gic -> its -> " + busDomain.keyword() + "'"
                : "a host chain is 'gic', then 'its ITS' or 'v2m FRAME', then '" + busDomain.keyword() + "'";
        for (int i = 0; i < chain.size(); i++) {
            Link link = chain.get(i);
            String problem = null;
            if (i == 0) {
                problem = link instanceof Link.Gic ? null : "the chain must start at its root, 'gic': " + shape;
            } else if (i == 1) {
                problem = controller(link, guest, shape);
            } else if (i == 2) {
                if (!(link instanceof Link.Bus bus) || bus.kind() != busDomain) {
                    problem = "the chain must end in the stack's bus domain '" + busDomain.keyword() + "'";
                }
            } else {
                problem = "the bus domain '" + busDomain.keyword() + "' must be the chain's last link";
            }
            if (problem != null) {
                report.add(DiagnosticCode.IRQ035, link.at(), problem);
                return;
            }
        }
        if (chain.size() < 3) {
            report.add(DiagnosticCode.IRQ035, chain.get(chain.size() - 1).at(), "the chain is too short: " + shape);
        }
    }

    private static String controller(Link link, boolean guest, String shape) {
        if (link instanceof Link.Its its) {
            if (guest && its.its().isPresent()) {
                return "a guest's 'its' is its virtual ITS and names no unit of the platform: write 'its' alone";
            }
            return !guest && its.its().isEmpty() ? "name the ITS the host's messages go to: 'its ITS'" : null;
        }
        if (link instanceof Link.V2m) {
            return guest ? "a guest's messages go through its virtual ITS: " + shape : null;
        }
        return "the MSI controller's domain comes second: " + shape;
    }
}
