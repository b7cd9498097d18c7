package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.IommuDecl;
import dev.irqtopo.compiler.ast.IommuProp;
import dev.irqtopo.compiler.ast.Name;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** IRQ045: a bus's messages pass through one remapping unit, so at most one IOMMU covers it. */
final class SharedBusRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.X86, Architecture.RISCV64);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        Map<String, IommuDecl> coveredBy = new HashMap<>();
        for (IommuDecl iommu : index.platform().iommus()) {
            for (IommuProp prop : iommu.props()) {
                if (!(prop instanceof IommuProp.Covers covers)) {
                    continue;
                }
                for (Name bus : covers.buses()) {
                    if (bus.keyword() || index.bus(bus.text()).isEmpty()) {
                        continue;
                    }
                    IommuDecl earlier = coveredBy.putIfAbsent(bus.text(), iommu);
                    if (earlier != null && earlier != iommu) {
                        report.add(DiagnosticCode.IRQ045, bus.pos(), "bus " + bus.text()
                                + " is already covered by IOMMU " + earlier.name().text());
                    }
                }
            }
        }
    }
}
