package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.CpuBlock;
import dev.irqtopo.compiler.ast.CpuProp;
import dev.irqtopo.compiler.ast.Num;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import dev.irqtopo.model.CpuModel;
import java.math.BigInteger;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** IRQ020 for {@code apic_ids}: one per CPU, none repeated. */
final class ApicIdsRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.X86);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        for (CpuBlock cpu : index.platform().cpuBlocks()) {
            for (CpuProp.ApicIds prop : cpu.props(CpuProp.ApicIds.class)) {
                repeated(prop.ids(), report);
                cpu.props(CpuProp.Cpus.class).stream().findFirst()
                        .filter(c -> c.count().in(1, CpuModel.MAX_CPUS))
                        .ifPresent(c -> count(prop.ids(), c.count().intValue(), report));
            }
        }
    }

    private static void repeated(List<Num> ids, Report report) {
        Map<BigInteger, Num> seen = new HashMap<>();
        for (Num id : ids) {
            Num earlier = seen.putIfAbsent(id.value(), id);
            if (earlier != null) {
                report.add(DiagnosticCode.IRQ020, id.pos(),
                        "APIC ID " + id.text() + " is given twice (first at " + earlier.pos() + ")");
            }
        }
    }

    /** Too many: at the first one beyond the CPUs; too few: at the last one given. */
    private static void count(List<Num> ids, int cpus, Report report) {
        if (ids.size() > cpus) {
            report.add(DiagnosticCode.IRQ020, ids.get(cpus).pos(),
                    ids.size() + " APIC IDs for " + cpus + " CPUs: give exactly one per CPU");
        } else if (ids.size() < cpus) {
            report.add(DiagnosticCode.IRQ020, ids.get(ids.size() - 1).pos(),
                    "only " + ids.size() + " APIC IDs for " + cpus + " CPUs: give exactly one per CPU");
        }
    }
}
