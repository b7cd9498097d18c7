package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.IoApicDecl;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import java.util.EnumSet;
import java.util.Set;

/**
 * IRQ062: an {@code ioapic} without a requester id, at its name, after which the id belongs. The
 * remapping unit validates the I/O APIC's writes against the id the DMAR table's device scope gives it,
 * so the entries a Linux host makes for its pins cannot be written without it.
 */
final class IoApicRequesterIdRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.X86);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        for (IoApicDecl ioapic : index.platform().ioapics()) {
            if (ioapic.rid().isEmpty()) {
                report.add(DiagnosticCode.IRQ062, ioapic.name().pos(), "an ioapic needs its requester id: the DMAR device scope's");
            }
        }
    }
}
