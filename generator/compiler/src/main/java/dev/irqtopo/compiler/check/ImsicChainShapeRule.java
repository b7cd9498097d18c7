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
 * IRQ035 on riscv64: a chain is {@code imsic}, then the stack's bus domain, as Linux stacks them (the
 * IMSIC domain is the MSI parent: it takes an identity in a hart's file and composes; the bus domain
 * stores). In a guest, {@code imsic} is the guest's view of its vCPUs' guest files. A chain holding links
 * of another architecture is IRQ074's.
 */
final class ImsicChainShapeRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.RISCV64);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        for (KernelStack ks : KernelStack.all(index.platform())) {
            List<Link> chain = ks.stack().chain();
            if (chain.stream().allMatch(l -> l instanceof Link.Imsic || l instanceof Link.Bus)) {
                checkChain(ks.stack(), report);
            }
        }
    }

    private static void checkChain(StackDecl stack, Report report) {
        List<Link> chain = stack.chain();
        BusDomainKind busDomain = stack.busDomain().value();
        String shape = "a riscv64 chain is 'imsic -> " + busDomain.keyword() + "'";
        for (int i = 0; i < chain.size(); i++) {
            Link link = chain.get(i);
            String problem = null;
            if (i == 0 && !(link instanceof Link.Imsic)) {
                problem = "the chain must start at its root, 'imsic': " + shape;
            } else if (i == 1 && (!(link instanceof Link.Bus bus) || bus.kind() != busDomain)) {
                problem = "the chain must end in the stack's bus domain '" + busDomain.keyword() + "'";
            } else if (i > 1) {
                problem = "the bus domain '" + busDomain.keyword() + "' must be the chain's last link";
            }
            if (problem != null) {
                report.add(DiagnosticCode.IRQ035, link.at(), problem);
                return;
            }
        }
        if (chain.size() < 2) {
            report.add(DiagnosticCode.IRQ035, chain.get(0).at(), "the chain is too short: " + shape);
        }
    }
}
