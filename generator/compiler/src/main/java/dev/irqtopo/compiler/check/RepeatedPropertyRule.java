package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.GuestDecl;
import dev.irqtopo.compiler.ast.IoApicDecl;
import dev.irqtopo.compiler.ast.Num;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.ast.PlatformItem;
import dev.irqtopo.compiler.ast.Property;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.BusDomainKind;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * IRQ024: a property given twice in one block, at the second keyword; and a second {@code cpu},
 * {@code hypervisor}, {@code host}, {@code ioapic}, {@code gic} or {@code imsic} block, or {@code expect} line, at its
 * keyword; a second {@code msi_map_mask} in a bus block; a pin an
 * {@code ioapic} lists twice, at the second. A second IMS storage is IRQ043's alone, and
 * {@code assign} may repeat.
 */
final class RepeatedPropertyRule extends PlatformRule {

    @Override
    void check(PlatformIndex index, Report report) {
        var platform = index.platform();
        platform.cpuBlocks().forEach(c -> repeats(c.props(), report));
        platform.iommus().forEach(i -> repeats(i.props(), report));
        platform.hypervisorBlocks().forEach(h -> repeats(h.props(), report));
        platform.msiControllers().forEach(c -> repeats(c.props(), report));
        platform.imsics().forEach(i -> repeats(i.props(), report));
        platform.smmus().forEach(s -> repeats(s.covers(), report));
        platform.buses().forEach(b -> repeats(b.msiMapMasks(), report));
        for (DeviceDecl device : platform.devices()) {
            repeats(device.storages().stream().filter(s -> s.busDomain() != BusDomainKind.IMS).toList(), report);
        }
        for (GuestDecl guest : platform.guests()) {
            repeats(guest.cpus(), report);
        }
        secondBlock(platform.cpuBlocks(), "cpu", report);
        secondBlock(platform.hypervisorBlocks(), "hypervisor", report);
        secondBlock(platform.hostBlocks(), "host", report);
        secondBlock(platform.ioapics(), "ioapic", report);
        secondBlock(platform.gics(), "gic", report);
        secondBlock(platform.imsics(), "imsic", report);
        for (IoApicDecl ioapic : platform.ioapics()) {
            repeats(ioapic.pins(), report);
            repeatedPins(ioapic, report);
        }
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

    /** A pin an I/O APIC lists twice, at the second. */
    private static void repeatedPins(IoApicDecl ioapic, Report report) {
        Map<BigInteger, Num> first = new HashMap<>();
        for (Num pin : ioapic.allPins()) {
            Num earlier = first.putIfAbsent(pin.value(), pin);
            if (earlier != null) {
                report.add(DiagnosticCode.IRQ024, pin.pos(),
                        "pin " + pin.text() + " is given twice (first at " + earlier.pos() + ")");
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
