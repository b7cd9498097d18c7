package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.Defaults;
import dev.irqtopo.compiler.ast.DeviceAddress;
import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.MsiControllerDecl;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.ast.Rid;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import dev.irqtopo.model.arm.MsiMapLookup;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The DeviceID of each device with MSI storage on an arm64 platform, at the device's name:
 * <ul>
 *   <li>IRQ067: its requester id falls in no msi_map line of its bus, so its writes present no DeviceID
 *       the root complex maps and Linux finds it no MSI domain.</li>
 *   <li>IRQ066: on a bus without msi_map, its requester id, taken unchanged as the DeviceID, does not fit
 *       the ITS's {@code device_id_bits} (an msi_map line out of bounds is reported at the line).</li>
 * </ul>
 */
final class DeviceIdRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.ARM64);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        for (DeviceDecl device : index.platform().devices()) {
            if (device.storages().isEmpty()) {
                continue;
            }
            Optional<MsiMapLookup> lookup = DeviceIds.lookup(device, index);
            Optional<Rid> rid = DeviceIds.requesterId(device, index);
            if (lookup.isEmpty() || rid.isEmpty()) {
                continue;
            }
            if (lookup.get() instanceof MsiMapLookup.Untranslated) {
                report.add(DiagnosticCode.IRQ067, device.name().pos(), "no msi_map line of bus " + device.bus().text()
                        + " holds requester id " + rid.get().text() + (rid.get() == ownRid(device) ? "" : " (which "
                        + device.name().text() + "'s writes carry)") + ": its messages reach no MSI controller");
            } else if (lookup.get() instanceof MsiMapLookup.Mapped mapped && mapped.entry() < 0) {
                index.msiController(mapped.controller()).filter(MsiControllerDecl.Its.class::isInstance)
                        .filter(its -> Defaults.deviceIdBits(its) < 32 && mapped.deviceId() >>> Defaults.deviceIdBits(its) != 0)
                        .ifPresent(its -> report.add(DiagnosticCode.IRQ066, device.name().pos(), "requester id "
                                + rid.get().text() + ", the DeviceID of " + device.name().text() + " on a bus without"
                                + " msi_map, does not fit the " + Defaults.deviceIdBits(its) + " DeviceID bits of its "
                                + its.name().text()));
            }
        }
    }

    private static Rid ownRid(DeviceDecl device) {
        return device.address() instanceof DeviceAddress.Function f ? f.rid() : null;
    }
}
