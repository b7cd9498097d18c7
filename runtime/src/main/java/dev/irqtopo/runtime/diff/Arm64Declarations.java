package dev.irqtopo.runtime.diff;

import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.BusModel;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.ExpectedVerdict;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.arm.Arm64GuestModel;
import dev.irqtopo.model.arm.ItsModel;
import dev.irqtopo.model.arm.Mpidr;
import dev.irqtopo.model.arm.MsiMap;
import dev.irqtopo.model.arm.MsiMapEntry;
import dev.irqtopo.model.arm.V2mFrameModel;
import dev.irqtopo.runtime.diff.Subject.Declaration;
import dev.irqtopo.runtime.message.Hex;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checked arm64 platform's declarations as facts, in the language's words: the CPUs by MPIDR, the
 * GIC, its ITS units and GICv2m frames, the buses an SMMU covers, the hypervisor with its {@code vlpi},
 * each bus's {@code msi_map}, the devices and the guests.
 */
final class Arm64Declarations {

    private Arm64Declarations() {
    }

    static Map<Declaration, Facts> of(Arm64PlatformModel platform) {
        Map<Declaration, Facts> parts = new LinkedHashMap<>();
        parts.put(Declaration.of(Part.PLATFORM, platform.name()),
                new Facts().word("expect", platform.expect().map(ExpectedVerdict::keyword)));
        parts.put(Declaration.of(Part.CPU), new Facts()
                .number("cpus", platform.cpus().count())
                .word("arch", "arm64")
                .word("mpidr", Declarations.joined(platform.cpus().mpidrs().stream().map(Mpidr::toString).toList())));
        parts.put(Declaration.of(Part.GIC), new Facts().word("version", "v" + platform.gic().version()));
        for (ItsModel its : platform.gic().its()) {
            parts.put(Declaration.of(Part.ITS, its.name()), new Facts()
                    .word("doorbell", "0x" + Hex.of(its.doorbell(), 8))
                    .number("device_id_bits", its.deviceIdBits())
                    .number("event_id_bits", its.eventIdBits()));
        }
        for (V2mFrameModel frame : platform.gic().v2m()) {
            parts.put(Declaration.of(Part.V2M, frame.name()), new Facts()
                    .word("doorbell", "0x" + Hex.of(frame.doorbell(), 8))
                    .number("spi_base", frame.firstSpi())
                    .number("spis", frame.spiCount()));
        }
        List<String> covered = platform.buses().stream().map(BusModel::name).filter(platform.smmuCovered()::contains).toList();
        if (!covered.isEmpty()) {
            parts.put(Declaration.of(Part.SMMU), new Facts().word("covers", Declarations.joined(covered)));
        }
        platform.hypervisor().ifPresent(h -> parts.put(Declaration.of(Part.HYPERVISOR), new Facts()
                .word("kind", "kvm")
                .word("traps", Declarations.joined(Arrays.stream(StorageKind.values()).filter(h::traps)
                        .map(StorageKind::keyword).toList()))
                .word("vlpi", Declarations.onOff(h.vlpi()))));
        for (BusModel bus : platform.buses()) {
            MsiMap map = platform.msiMaps().get(bus.name());
            if (map != null) {
                parts.put(Declaration.of(Part.MSI_MAP, bus.name()), new Facts()
                        .word("lines", String.join("; ", map.entries().stream().map(Arm64Declarations::line).toList()))
                        .word("mask", map.mask() == MsiMap.ALL_BITS ? "none" : "0x" + Long.toHexString(map.mask())));
            }
        }
        for (DeviceModel device : platform.devices()) {
            parts.put(Declaration.of(Part.DEVICE, device.name()), Declarations.device(device));
        }
        for (Arm64GuestModel guest : platform.guests()) {
            parts.put(Declaration.of(Part.GUEST, guest.name()), new Facts()
                    .number("cpus", guest.cpus())
                    .word("assign", Declarations.joined(guest.devices())));
        }
        return parts;
    }

    /** {@code 0x0 its0 0x0 0x10000}: rid-base, controller, msi-base, length, as the line writes them. */
    private static String line(MsiMapEntry entry) {
        return "0x" + Long.toHexString(entry.ridBase()) + " " + entry.controller() + " 0x" + Long.toHexString(entry.msiBase())
                + " 0x" + Long.toHexString(entry.length());
    }
}
