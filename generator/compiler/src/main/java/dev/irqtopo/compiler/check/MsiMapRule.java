package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.BusDecl;
import dev.irqtopo.compiler.ast.Defaults;
import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.MsiControllerDecl;
import dev.irqtopo.compiler.ast.MsiMapDecl;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.Architecture;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The msi_map lines of an arm64 bus, each against the others and against the controller it names:
 * <ul>
 *   <li>IRQ065: two lines whose requester-id ranges overlap. The kernel would take the first, but a
 *       design that lists one requester id twice means something it does not say; at the later line.</li>
 *   <li>IRQ020: an rid-base with bits the bus's {@code msi_map_mask} clears, for which the kernel refuses
 *       the whole map ({@code of_map_id}: the mask "ignores id-base").</li>
 *   <li>IRQ066: a line whose last DeviceID does not fit the ITS's {@code device_id_bits}: the ITS
 *       ignores writes with a DeviceID beyond its table.</li>
 *   <li>IRQ072: a bus with devices and no msi_map on a GIC with several MSI controllers: nothing says
 *       which one its requester ids reach.</li>
 * </ul>
 */
final class MsiMapRule extends PlatformRule {

    @Override
    Set<Architecture> architectures() {
        return EnumSet.of(Architecture.ARM64);
    }

    @Override
    void check(PlatformIndex index, Report report) {
        int controllers = index.platform().msiControllers().size();
        for (BusDecl bus : index.platform().buses()) {
            if (bus.msiMaps().isEmpty()) {
                if (controllers > 1 && needsDeviceIds(bus.devices())) {
                    report.add(DiagnosticCode.IRQ072, bus.name().pos(), "bus " + bus.name().text() + " has no"
                            + " msi_map, and the GIC offers " + controllers + " MSI controllers: give the msi_map"
                            + " lines that say which one each requester id reaches");
                }
                continue;
            }
            if (!bus.msiMapMasks().isEmpty() && !bus.msiMapMasks().get(0).mask().in(0, 0xffff)) {
                continue;
            }
            int mask = Defaults.msiMapMask(bus);
            // lines out of range are IRQ020's; the others are judged among themselves
            List<MsiMapDecl> lines = bus.msiMaps().stream().filter(DeviceIds::inRange).toList();
            for (int i = 0; i < lines.size(); i++) {
                MsiMapDecl line = lines.get(i);
                int base = line.ridBase().withinSegment();
                if ((base & ~mask) != 0) {
                    report.add(DiagnosticCode.IRQ020, line.ridBase().pos(), "rid-base " + line.ridBase().text()
                            + " has bits that msi_map_mask 0x" + Integer.toHexString(mask) + " clears: Linux"
                            + " refuses the whole msi-map");
                    continue;
                }
                overlap(lines, i).ifPresent(earlier -> report.add(DiagnosticCode.IRQ065, line.at(), "the requester ids"
                        + " this msi_map line maps, from " + line.ridBase().text() + ", overlap those of the line at "
                        + earlier.at()));
                deviceIdBits(line, index, report);
            }
        }
    }

    private static Optional<MsiMapDecl> overlap(List<MsiMapDecl> lines, int later) {
        MsiMapDecl line = lines.get(later);
        long base = line.ridBase().withinSegment();
        long end = base + line.length().value().longValue();
        return lines.subList(0, later).stream().filter(earlier -> {
            long b = earlier.ridBase().withinSegment();
            return base < b + earlier.length().value().longValue() && b < end;
        }).findFirst();
    }

    private static void deviceIdBits(MsiMapDecl line, PlatformIndex index, Report report) {
        Optional<MsiControllerDecl> its = index.msiController(line.controller().text())
                .filter(MsiControllerDecl.Its.class::isInstance);
        if (its.isEmpty()) {
            return;
        }
        int bits = Defaults.deviceIdBits(its.get());
        long last = line.msiBase().value().longValue() + line.length().value().longValue() - 1;
        if (bits < 32 && last >>> bits != 0) {
            report.add(DiagnosticCode.IRQ066, line.msiBase().pos(), "DeviceIDs " + line.msiBase().text() + "..0x"
                    + Long.toHexString(last) + " do not fit the " + bits + " DeviceID bits of its "
                    + its.get().name().text() + ", which ignores writes beyond its device table");
        }
    }

    /** Whether any device of the bus needs a DeviceID at all. */
    static boolean needsDeviceIds(List<DeviceDecl> devices) {
        return devices.stream().anyMatch(d -> !d.storages().isEmpty());
    }
}
