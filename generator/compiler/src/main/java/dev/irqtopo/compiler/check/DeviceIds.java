package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.BusDecl;
import dev.irqtopo.compiler.ast.DeviceAddress;
import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.MsiControllerDecl;
import dev.irqtopo.compiler.ast.MsiMapDecl;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.ast.Rid;
import dev.irqtopo.compiler.ast.Defaults;
import dev.irqtopo.model.arm.MsiMap;
import dev.irqtopo.model.arm.MsiMapEntry;
import dev.irqtopo.model.arm.MsiMapLookup;
import java.util.List;
import java.util.Optional;

/**
 * Which MSI controller and DeviceID each device of an arm64 platform reaches, as the model will resolve
 * it ({@link MsiMap#lookup}, the kernel's {@code of_map_id}): by its bus's {@code msi_map} lines, or,
 * where a bus has none, its requester id unchanged at the GIC's only controller. A function behind a
 * PCIe-to-PCI bridge is seen with the bridge's requester id, and a sub-device with its parent's. Empty
 * where the answer depends on something another rule reports (an msi_map line out of range or naming
 * no controller, a requester id out of range, several controllers and no msi_map).
 */
final class DeviceIds {

    private DeviceIds() {
    }

    /** The bus's msi_map as the model will hold it; empty without lines or with a line another rule reports. */
    static Optional<MsiMap> msiMap(BusDecl bus, PlatformIndex index) {
        if (bus.msiMaps().isEmpty()) {
            return Optional.empty();
        }
        for (MsiMapDecl line : bus.msiMaps()) {
            if (!inRange(line) || index.msiController(line.controller().text()).isEmpty()) {
                return Optional.empty();
            }
        }
        if (!bus.msiMapMasks().isEmpty() && !bus.msiMapMasks().get(0).mask().in(0, 0xffff)) {
            return Optional.empty();
        }
        List<MsiMapEntry> entries = bus.msiMaps().stream().map(line -> MsiMapEntry.of(line.ridBase().withinSegment(),
                line.controller().text(), line.msiBase().value().longValue(), line.length().value().longValue())).toList();
        MsiMap map = new MsiMap(entries, MsiMap.ALL_BITS);
        return Optional.of(bus.msiMapMasks().isEmpty() ? map : map.withMask(Defaults.msiMapMask(bus)));
    }

    /** Whether every number of an msi_map line is within its range (else IRQ020 speaks). */
    static boolean inRange(MsiMapDecl line) {
        return line.ridBase().segment().isEmpty() && line.ridBase().inRange() && line.msiBase().in(0, 0xffff_ffffL)
                && line.length().in(1, GicLimits.REQUESTER_IDS)
                && line.ridBase().withinSegment() + line.length().intValue() <= GicLimits.REQUESTER_IDS;
    }

    /** The requester id the root complex sees for a device's writes; empty when it is out of range. */
    static Optional<Rid> requesterId(DeviceDecl device, PlatformIndex index) {
        Optional<Rid> rid = index.bridgeOf(device).map(b -> b.rid()).or(() -> own(device, index));
        return rid.filter(Rid::inRange);
    }

    private static Optional<Rid> own(DeviceDecl device, PlatformIndex index) {
        if (device.address() instanceof DeviceAddress.Function f) {
            return Optional.of(f.rid());
        }
        DeviceAddress.SubDevice sub = (DeviceAddress.SubDevice) device.address();
        return (sub.parent().keyword() ? Optional.<DeviceDecl>empty() : index.device(sub.parent().text()))
                .filter(p -> p.address() instanceof DeviceAddress.Function)
                .map(p -> ((DeviceAddress.Function) p.address()).rid());
    }

    /**
     * The controller and DeviceID a device's writes present: its bus's msi_map's answer, or without one the
     * requester id at the only controller. Empty where another rule reports what decides it.
     */
    static Optional<MsiMapLookup> lookup(DeviceDecl device, PlatformIndex index) {
        Optional<BusDecl> bus = index.bus(device.bus().text());
        Optional<Rid> rid = requesterId(device, index);
        if (bus.isEmpty() || rid.isEmpty()) {
            return Optional.empty();
        }
        if (bus.get().msiMaps().isEmpty()) {
            List<MsiControllerDecl> controllers = index.platform().msiControllers();
            return controllers.size() == 1
                    ? Optional.of(new MsiMapLookup.Mapped(controllers.get(0).name().text(), rid.get().withinSegment(), -1))
                    : Optional.empty();
        }
        return msiMap(bus.get(), index).map(map -> map.lookup(rid.get().withinSegment()));
    }
}
