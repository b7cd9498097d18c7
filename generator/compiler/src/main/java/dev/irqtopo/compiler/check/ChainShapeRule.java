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
 * IRQ035: a chain is {@code vector}, then at most one {@code remap X} or {@code hcall}, then the stack's
 * bus domain, and nothing after it. Reported once per stack, at the first link out of place. Whether
 * {@code remap} or {@code hcall} suits the kernel is IRQ037's and IRQ038's to say, so a chain holding
 * both is left to them. A chain holding arm64 or riscv64 links is IRQ064's or IRQ075's.
 */
final class ChainShapeRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.X86);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        for (KernelStack ks : KernelStack.all(index.platform())) {
            if (ks.stack().chain().stream().noneMatch(l -> l instanceof Link.Gic || l instanceof Link.Its
                    || l instanceof Link.V2m || l instanceof Link.Imsic)) {
                checkChain(ks.stack(), report);
            }
        }
    }

    private static void checkChain(StackDecl stack, Report report) {
        List<Link> chain = stack.chain();
        BusDomainKind busDomain = stack.busDomain().value();
        String end = "the chain must end in the stack's bus domain '" + busDomain.keyword() + "'";
        boolean remap = false;
        boolean hcall = false;
        for (int i = 0; i < chain.size(); i++) {
            Link link = chain.get(i);
            boolean last = i == chain.size() - 1;
            String problem = null;
            if (i == 0 && !(link instanceof Link.Vector)) {
                problem = "the chain must start at its root, 'vector'";
            } else if (i > 0 && link instanceof Link.Vector) {
                problem = "'vector' is the chain's root and appears only first";
            } else if (link instanceof Link.Bus bus) {
                if (bus.kind() != busDomain) {
                    problem = end + ", not '" + bus.kind().keyword() + "'";
                } else if (!last) {
                    problem = "the bus domain '" + busDomain.keyword() + "' must be the chain's last link";
                }
            } else if (last) {
                problem = end;
            } else if (link instanceof Link.Remap) {
                problem = remap ? "'remap' appears twice in the chain" : null;
                remap = true;
            } else if (link instanceof Link.Hcall) {
                problem = hcall ? "'hcall' appears twice in the chain" : null;
                hcall = true;
            }
            if (problem != null) {
                report.add(DiagnosticCode.IRQ035, link.at(), problem);
                return;
            }
        }
    }
}
