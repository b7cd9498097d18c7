package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.DeviceAddress;
import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.IommuDecl;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.ast.Rid;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * IRQ049: a remapping unit (a DMAR unit, an IVHD) belongs to one PCI segment, so the devices an IOMMU
 * covers share one segment, whatever its kind and whether remapping is on. Reported once per unit, at
 * the first function (in source order) whose segment differs from that of the first function it covers;
 * sub-devices carry their parent's requester id and add nothing.
 */
final class SegmentCoverageRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.X86);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        for (IommuDecl iommu : index.platform().iommus()) {
            Set<String> buses = new HashSet<>(index.busesCoveredBy(iommu));
            if (buses.isEmpty()) {
                continue;
            }
            Rid first = null;
            for (DeviceDecl device : index.platform().devices()) {
                if (!buses.contains(device.bus().text()) || !(device.address() instanceof DeviceAddress.Function f)
                        || !f.rid().inRange()) {
                    continue;
                }
                if (first == null) {
                    first = f.rid();
                } else if (!f.rid().segmentOrZero().equals(first.segmentOrZero())) {
                    report.add(DiagnosticCode.IRQ049, f.rid().pos(), "IOMMU " + iommu.name().text()
                            + " covers devices of segment " + segment(first) + " and of segment " + segment(f.rid())
                            + " (device " + device.name().text() + "): a remapping unit belongs to one PCI segment");
                    break;
                }
            }
        }
    }

    private static String segment(Rid rid) {
        return String.format("%04x", rid.segmentOrZero());
    }
}
