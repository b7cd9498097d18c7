package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.GuestDecl;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.ast.PlatformItem;
import dev.irqtopo.compiler.ast.Property;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.BusDomainKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * IRQ024: a property given twice in one block, at the second keyword; and a second {@code cpu},
 * {@code hypervisor} or {@code host} block, or {@code expect} line, at its keyword. A second IMS storage is IRQ043's alone, and
 * {@code assign} may repeat.
 */
final class RepeatedPropertyRule extends PlatformRule {

    @Override
    void check(PlatformIndex index, Report report) {
        var platform = index.platform();
        platform.cpuBlocks().forEach(c -> repeats(c.props(), report));
        platform.iommus().forEach(i -> repeats(i.props(), report));
        platform.hypervisorBlocks().forEach(h -> repeats(h.props(), report));
        for (DeviceDecl device : platform.devices()) {
            repeats(device.storages().stream().filter(s -> s.busDomain() != BusDomainKind.IMS).toList(), report);
        }
        for (GuestDecl guest : platform.guests()) {
            repeats(guest.cpus(), report);
        }
        secondBlock(platform.cpuBlocks(), "cpu", report);
        secondBlock(platform.hypervisorBlocks(), "hypervisor", report);
        secondBlock(platform.hostBlocks(), "host", report);
        for (var expect : platform.expects().subList(Math.min(1, platform.expects().size()), platform.expects().size())) {
            report.add(DiagnosticCode.IRQ024, expect.at(), "a platform expects one verdict (first 'expect' at "
                    + platform.expects().get(0).at() + ")");
        }
    }

    private static void repeats(List<? extends Property> props, Report report) {
        Map<String, Property> first = new HashMap<>();
        for (Property prop : props) {
            Property earlier = first.putIfAbsent(prop.keyword(), prop);
            if (earlier != null) {
                report.add(DiagnosticCode.IRQ024, prop.at(),
                        "'" + prop.keyword() + "' is given twice (first at " + earlier.at() + ")");
            }
        }
    }

    private static void secondBlock(List<? extends PlatformItem> blocks, String keyword, Report report) {
        for (PlatformItem block : blocks.subList(Math.min(1, blocks.size()), blocks.size())) {
            report.add(DiagnosticCode.IRQ024, block.at(), "a platform has one " + keyword + " block (first at "
                    + blocks.get(0).at() + ")");
        }
    }
}
