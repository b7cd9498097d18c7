package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.CpuBlock;
import dev.irqtopo.compiler.ast.CpuProp;
import dev.irqtopo.compiler.ast.GuestDecl;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import java.util.Optional;

/** IRQ030: a platform needs a {@code cpu} block with {@code cpus}, and every guest its {@code cpus}. */
final class RequiredDeclarationRule extends PlatformRule {

    @Override
    void check(PlatformIndex index, Report report) {
        var platform = index.platform();
        Optional<CpuBlock> cpu = index.cpu();
        if (cpu.isEmpty()) {
            report.add(DiagnosticCode.IRQ030, platform.name().pos(),
                    "platform " + platform.name().text() + " has no cpu block");
        } else if (cpu.get().props(CpuProp.Cpus.class).isEmpty()) {
            report.add(DiagnosticCode.IRQ030, platform.name().pos(),
                    "the cpu block of platform " + platform.name().text() + " does not give 'cpus'");
        }
        for (GuestDecl guest : platform.guests()) {
            if (guest.cpus().isEmpty()) {
                report.add(DiagnosticCode.IRQ030, guest.name().pos(),
                        "guest " + guest.name().text() + " does not give 'cpus'");
            }
        }
    }
}
