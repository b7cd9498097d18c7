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

    /** Names of IOMMUs, I/O APICs, buses, bridges, devices and guests: one namespace per platform. */
    static List<Name> declared(Platform platform) {
        List<Name> names = new ArrayList<>();
        platform.iommus().forEach(i -> names.add(i.name()));
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

    /** Every name used to refer to a declaration: covers, of, assign, stack devices, remap. */
    static List<Name> referenced(Platform platform) {
        List<Name> names = new ArrayList<>();
        platform.iommus().forEach(i -> i.props().stream()
                .filter(IommuProp.Covers.class::isInstance)
                .forEach(c -> names.addAll(((IommuProp.Covers) c).buses())));
        platform.devices().forEach(d -> d.parent().ifPresent(names::add));
        for (GuestDecl guest : platform.guests()) {
            names.addAll(guest.assigned());
        }
        for (StackDecl stack : KernelStack.all(platform).stream().map(KernelStack::stack).toList()) {
            names.add(stack.device());
            stack.chain().stream().filter(Link.Remap.class::isInstance)
                    .forEach(r -> names.add(((Link.Remap) r).iommu()));
        }
        return sorted(names);
    }

    private static List<Name> sorted(List<Name> names) {
        names.sort(Comparator.comparing(Name::pos, Pos::compareTo));
        return names;
    }
}
