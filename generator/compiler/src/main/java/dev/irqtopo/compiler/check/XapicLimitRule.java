package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.CpuBlock;
import dev.irqtopo.compiler.ast.CpuProp;
import dev.irqtopo.compiler.ast.Defaults;
import dev.irqtopo.compiler.ast.Num;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.ast.Pos;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.Architecture;
import dev.irqtopo.model.CpuModel;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * IRQ022: xAPIC (given, or by default) carries 8-bit destinations, APIC IDs 0..254 (255 is broadcast):
 * more than 255 CPUs, or a higher APIC ID, need x2apic. Reported once per {@code cpu} block, at the word
 * {@code xapic}, or at {@code cpu} when {@code apic} is not given.
 */
final class XapicLimitRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.X86);
    }

    static final int MAX_XAPIC_ID = 254;

    @Override
    void check(PlatformIndex index, Report report) {
        for (CpuBlock cpu : index.platform().cpuBlocks()) {
            Optional<CpuProp.Apic> apic = cpu.props(CpuProp.Apic.class).stream().findFirst();
            if (Defaults.apic(cpu) != ApicMode.XAPIC) {
                continue;
            }
            Pos at = apic.map(a -> a.mode().pos()).orElse(cpu.at());
            String problem = problem(cpu);
            if (problem != null) {
                report.add(DiagnosticCode.IRQ022, at,
                        "xapic addresses APIC IDs 0.." + MAX_XAPIC_ID + " only: " + problem + "; use apic x2apic");
            }
        }
    }

    private static String problem(CpuBlock cpu) {
        Optional<CpuProp.Cpus> cpus = cpu.props(CpuProp.Cpus.class).stream().findFirst();
        if (cpus.isPresent() && cpus.get().count().in(MAX_XAPIC_ID + 2L, CpuModel.MAX_CPUS)) {
            return cpus.get().count().text() + " CPUs";
        }
        Optional<Num> high = cpu.props(CpuProp.ApicIds.class).stream().findFirst().stream()
                .flatMap(ids -> ids.ids().stream())
                .filter(id -> id.in(MAX_XAPIC_ID + 1L, NumberRangeRule.MAX_APIC_ID))
                .findFirst();
        return high.map(id -> "APIC ID " + id.text()).orElse(null);
    }
}
