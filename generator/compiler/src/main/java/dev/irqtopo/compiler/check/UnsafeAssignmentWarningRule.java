package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.Defaults;
import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.GuestDecl;
import dev.irqtopo.compiler.ast.Name;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * IRQ106: a function assigned to a guest on a bus that no IOMMU with remapping on covers. The guest
 * drives the function's DMA, and a write into the interrupt window is an interrupt request that nothing
 * remaps: it can raise any vector on the host. Linux has no remapping domain to report isolated MSI
 * for it and refuses the assignment unless {@code allow_unsafe_interrupts} is set. Sub-devices are not
 * functions (their DMA carries a PASID), and an {@code assign} that is IRQ032, or repeats a name in the
 * same guest (IRQ108), is left alone: each device is warned of once per guest.
 */
final class UnsafeAssignmentWarningRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.X86);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        for (GuestDecl guest : index.platform().guests()) {
            Set<String> named = new HashSet<>();
            for (Name name : guest.assigned()) {
                Optional<DeviceDecl> device = name.keyword() ? Optional.empty() : index.device(name.text());
                if (device.isEmpty() || !named.add(name.text()) || device.get().isSubDevice()
                        || AssignmentRule.assignedElsewhere(name, guest, index)) {
                    continue;
                }
                String bus = device.get().bus().text();
                if (index.iommusCovering(bus).stream().noneMatch(Defaults::remapping)) {
                    report.add(DiagnosticCode.IRQ106, name.pos(), "function " + name.text() + " is assigned to guest "
                            + guest.name().text() + ", but no IOMMU with remapping on covers bus " + bus
                            + ": its DMA can send any interrupt to the host (Linux refuses the assignment"
                            + " without allow_unsafe_interrupts)");
                }
            }
        }
    }
}
