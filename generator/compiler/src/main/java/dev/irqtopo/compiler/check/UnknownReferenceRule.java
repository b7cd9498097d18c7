package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.IommuProp;
import dev.irqtopo.compiler.ast.Link;
import dev.irqtopo.compiler.ast.MsiControllerDecl;
import dev.irqtopo.compiler.ast.Name;
import dev.irqtopo.compiler.ast.Platform;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.compiler.diag.Suggestion;
import dev.irqtopo.model.Architecture;
import java.util.List;
import java.util.Optional;

/**
 * IRQ011: a reference to a bus ({@code covers}), device ({@code of}, {@code assign}, {@code stack}) or
 * IOMMU ({@code remap}) that the platform does not declare. A sub-device's parent must also be a
 * function: only a function has a requester id to share. A bridge is none of these: it has no storage
 * and no stack, and is never assigned, so naming one where a device belongs is this error too. A name
 * clearly closest to one the platform declares of that kind gets "did you mean".
 */
final class UnknownReferenceRule extends PlatformRule {

    @Override
    void check(PlatformIndex index, Report report) {
        index.platform().iommus().forEach(i -> i.props().stream()
                .filter(IommuProp.Covers.class::isInstance)
                .forEach(c -> ((IommuProp.Covers) c).buses().forEach(
                        bus -> expect(bus, "bus", index.bus(bus.text()).isPresent(), index, report))));
        for (DeviceDecl device : index.platform().devices()) {
            device.parent().ifPresent(parent -> {
                Optional<DeviceDecl> found = parent.keyword() ? Optional.empty() : index.device(parent.text());
                expect(parent, "device", found.isPresent(), index, report);
                if (found.isPresent() && found.get().isSubDevice()) {
                    report.add(DiagnosticCode.IRQ011, parent.pos(), "'" + parent.text()
                            + "' is a sub-device; a parent must be a function with its own requester id");
                }
            });
        }
        index.platform().guests().forEach(g -> g.assigned().forEach(
                d -> expect(d, "device", index.device(d.text()).isPresent(), index, report)));
        for (KernelStack ks : KernelStack.all(index.platform())) {
            Name device = ks.stack().device();
            expect(device, "device", index.device(device.text()).isPresent(), index, report);
            for (Link link : ks.stack().chain()) {
                // a link of the other architecture is IRQ063's or IRQ064's, whatever it names
                if (link instanceof Link.Remap remap && index.architecture() == Architecture.X86) {
                    expect(remap.iommu(), "IOMMU", index.iommu(remap.iommu().text()).isPresent(), index, report);
                } else if (index.architecture() != Architecture.ARM64) {
                    continue;
                } else if (link instanceof Link.Its its && its.its().isPresent()) {
                    Name unit = its.its().get();
                    expect(unit, "ITS", index.msiController(unit.text())
                            .filter(MsiControllerDecl.Its.class::isInstance).isPresent(), index, report);
                } else if (link instanceof Link.V2m v2m) {
                    expect(v2m.frame(), "GICv2m frame", index.msiController(v2m.frame().text())
                            .filter(MsiControllerDecl.V2m.class::isInstance).isPresent(), index, report);
                }
            }
        }
        index.platform().smmus().forEach(s -> s.coveredBuses().forEach(
                bus -> expect(bus, "bus", index.bus(bus.text()).isPresent(), index, report)));
        index.platform().buses().forEach(b -> b.msiMaps().forEach(m -> expect(m.controller(), "MSI controller",
                index.msiController(m.controller().text()).isPresent(), index, report)));
    }

    private static void expect(Name name, String kind, boolean found, PlatformIndex index, Report report) {
        if (name.keyword() || found) {
            return;
        }
        String actually = kindOf(name.text(), index);
        report.add(DiagnosticCode.IRQ011, name.pos(), actually == null
                ? "unknown " + kind + " '" + name.text() + "'" + Suggestion.closest(name.text(), declared(kind, index))
                        .map(n -> ": did you mean '" + n + "'?").orElse("")
                : "'" + name.text() + "' is " + actually + ", not " + article(kind) + kind);
    }

    private static String article(String kind) {
        return kind.equals("IOMMU") || kind.equals("ITS") || kind.equals("MSI controller") ? "an " : "a ";
    }

    /** The names the platform declares of this kind: what a misspelled reference may have meant. */
    private static List<String> declared(String kind, PlatformIndex index) {
        Platform platform = index.platform();
        return switch (kind) {
            case "bus" -> platform.buses().stream().map(b -> b.name().text()).toList();
            case "IOMMU" -> platform.iommus().stream().map(i -> i.name().text()).toList();
            case "ITS" -> platform.msiControllers().stream().filter(MsiControllerDecl.Its.class::isInstance)
                    .map(c -> c.name().text()).toList();
            case "GICv2m frame" -> platform.msiControllers().stream().filter(MsiControllerDecl.V2m.class::isInstance)
                    .map(c -> c.name().text()).toList();
            case "MSI controller" -> platform.msiControllers().stream().map(c -> c.name().text()).toList();
            default -> platform.devices().stream().map(d -> d.name().text()).toList();
        };
    }

    private static String kindOf(String name, PlatformIndex index) {
        if (index.device(name).isPresent()) {
            return "a device";
        }
        if (index.bus(name).isPresent()) {
            return "a bus";
        }
        if (index.bridge(name).isPresent()) {
            return "a bridge";
        }
        if (index.iommu(name).isPresent()) {
            return "an IOMMU";
        }
        if (index.guest(name).isPresent()) {
            return "a guest";
        }
        if (index.smmu(name).isPresent()) {
            return "an SMMU";
        }
        Optional<MsiControllerDecl> controller = index.msiController(name);
        if (controller.isPresent()) {
            return controller.get() instanceof MsiControllerDecl.Its ? "an ITS" : "a GICv2m frame";
        }
        return null;
    }
}
