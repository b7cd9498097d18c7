package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.GuestDecl;
import dev.irqtopo.compiler.ast.IommuProp;
import dev.irqtopo.compiler.ast.Link;
import dev.irqtopo.compiler.ast.Name;
import dev.irqtopo.compiler.ast.Platform;
import dev.irqtopo.compiler.ast.Pos;
import dev.irqtopo.compiler.ast.StackDecl;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The names a platform declares and the names it refers to, each in source order. */
final class Names {

    private Names() {
    }

    /**
     * Names of IOMMUs, I/O APICs, ITS units, GICv2m frames, SMMUs, buses, bridges, devices and guests: one
     * namespace per platform.
     */
    static List<Name> declared(Platform platform) {
        List<Name> names = new ArrayList<>();
        platform.iommus().forEach(i -> names.add(i.name()));
        platform.msiControllers().forEach(c -> names.add(c.name()));
        platform.smmus().forEach(s -> names.add(s.name()));
        platform.ioapics().forEach(i -> names.add(i.name()));
        platform.buses().forEach(b -> names.add(b.name()));
        platform.bridges().forEach(b -> names.add(b.name()));
        platform.devices().forEach(d -> names.add(d.name()));
        platform.guests().forEach(g -> names.add(g.name()));
        return sorted(names);
    }

    /**
     * Names of devices and guests, which become accessors of the generated code, and of bridges, which
     * stand beside the devices in the same namespace and may become accessors too.
     */
    static List<Name> accessors(Platform platform) {
        List<Name> names = new ArrayList<>();
        platform.bridges().forEach(b -> names.add(b.name()));
        platform.devices().forEach(d -> names.add(d.name()));
        platform.guests().forEach(g -> names.add(g.name()));
        return sorted(names);
    }

    /**
     * Every name used to refer to a declaration: covers, of, assign, stack devices, remap, and on arm64
     * msi_map controllers and the its and v2m links.
     */
    static List<Name> referenced(Platform platform) {
        List<Name> names = new ArrayList<>();
        platform.smmus().forEach(s -> names.addAll(s.coveredBuses()));
        platform.buses().forEach(b -> b.msiMaps().forEach(m -> names.add(m.controller())));
        platform.iommus().forEach(i -> i.props().stream()
                .filter(IommuProp.Covers.class::isInstance)
                .forEach(c -> names.addAll(((IommuProp.Covers) c).buses())));
        platform.devices().forEach(d -> d.parent().ifPresent(names::add));
        for (GuestDecl guest : platform.guests()) {
            names.addAll(guest.assigned());
        }
        for (StackDecl stack : KernelStack.all(platform).stream().map(KernelStack::stack).toList()) {
            names.add(stack.device());
            for (Link link : stack.chain()) {
                if (link instanceof Link.Remap remap) {
                    names.add(remap.iommu());
                } else if (link instanceof Link.Its its) {
                    its.its().ifPresent(names::add);
                } else if (link instanceof Link.V2m v2m) {
                    names.add(v2m.frame());
                }
            }
        }
        return sorted(names);
    }

    private static List<Name> sorted(List<Name> names) {
        names.sort(Comparator.comparing(Name::pos, Pos::compareTo));
        return names;
    }
}
