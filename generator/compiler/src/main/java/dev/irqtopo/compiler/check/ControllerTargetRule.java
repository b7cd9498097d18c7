package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.Link;
import dev.irqtopo.compiler.ast.Name;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import dev.irqtopo.model.arm.MsiMapLookup;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * IRQ069: a host chain's {@code its ITS} or {@code v2m FRAME} must be the controller the device's writes
 * reach (its bus's msi_map, or the only controller): Linux gives a device the MSI domain its DeviceID
 * mapping names, and a message composed for another controller would go to a doorbell that does not
 * know the device. At the controller's name in the chain.
 */
final class ControllerTargetRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.ARM64);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        for (KernelStack ks : KernelStack.all(index.platform())) {
            if (ks.guest().isPresent()) {
                continue;
            }
            Optional<DeviceDecl> device = index.device(ks.stack().device().text());
            Optional<Name> named = ks.stack().chain().stream().flatMap(l -> controller(l).stream()).findFirst();
            if (device.isEmpty() || named.isEmpty() || index.msiController(named.get().text()).isEmpty()) {
                continue;
            }
            Optional<MsiMapLookup> lookup = DeviceIds.lookup(device.get(), index);
            if (lookup.isPresent() && lookup.get() instanceof MsiMapLookup.Mapped mapped
                    && !mapped.controller().equals(named.get().text())) {
                report.add(DiagnosticCode.IRQ069, named.get().pos(), device.get().name().text() + "'s writes reach "
                        + mapped.controller() + " (DeviceID 0x" + Long.toHexString(mapped.deviceId()) + "), not "
                        + named.get().text());
            }
        }
    }

    private static Optional<Name> controller(Link link) {
        if (link instanceof Link.Its its) {
            return its.its();
        }
        return link instanceof Link.V2m v2m ? Optional.of(v2m.frame()) : Optional.empty();
    }
}
