package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.Defaults;
import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.IommuDecl;
import dev.irqtopo.compiler.ast.IommuProp;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import dev.irqtopo.model.IommuKind;
import dev.irqtopo.model.SourceCheck;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * IRQ107: {@code source_check off} or {@code bus} on a VT-d unit that covers a device assigned to a
 * guest. An entry the unit does not bind to one requester id can be used by another device, yet Linux's
 * remapping domain still reports isolated MSI, so VFIO assigns the device without a word. Reported once
 * per unit, at the word after {@code source_check}, whether or not remapping is on (the table's rule
 * names none); on amdvi {@code source_check} is IRQ023's.
 */
final class SourceCheckWarningRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.X86);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        for (IommuDecl iommu : index.platform().iommus()) {
            Optional<IommuProp.SourceCheckProp> check = iommu.prop(IommuProp.SourceCheckProp.class)
                    .filter(c -> c.value() != SourceCheck.FULL);
            if (iommu.kind() != IommuKind.VTD || check.isEmpty()) {
                continue;
            }
            Set<String> buses = new HashSet<>(index.busesCoveredBy(iommu));
            Optional<DeviceDecl> assigned = index.platform().devices().stream()
                    .filter(d -> buses.contains(d.bus().text()) && index.owner(d.name().text()).isPresent())
                    .findFirst();
            if (assigned.isEmpty()) {
                continue;
            }
            String device = "device " + assigned.get().name().text() + ", assigned to guest "
                    + index.owner(assigned.get().name().text()).orElseThrow().name().text();
            String checks = check.get().value() == SourceCheck.OFF ? "binds its entries to no requester id"
                    : "binds its entries only to a bus";
            report.add(DiagnosticCode.IRQ107, check.get().word(), Defaults.remapping(iommu)
                    ? "IOMMU " + iommu.name().text() + " " + checks + " and covers " + device
                            + ": other devices can use its entries, yet Linux still reports isolated MSI for it"
                    : "IOMMU " + iommu.name().text() + " has remapping off, so 'source_check' protects nothing, and"
                            + " it covers " + device);
        }
    }
}
