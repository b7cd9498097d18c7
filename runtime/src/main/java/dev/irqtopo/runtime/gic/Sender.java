package dev.irqtopo.runtime.gic;

import dev.irqtopo.model.arm.GicModel;
import dev.irqtopo.model.arm.ItsModel;
import dev.irqtopo.model.arm.MsiMap;
import dev.irqtopo.model.arm.MsiMapLookup;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Who writes: the DeviceID the writer presents to each ITS, by ITS name. A PCI function presents the
 * DeviceID its root complex's {@code msi-map} gives its requester id for that ITS; a CPU, or any writer
 * the firmware gives no DeviceID for an ITS, presents none there. A GICv2m frame reads no identity.
 */
public record Sender(Map<String, Long> deviceIds) {

    public Sender {
        deviceIds = Map.copyOf(new TreeMap<>(deviceIds));
    }

    /** A writer with no DeviceID anywhere, such as a CPU. */
    public static Sender none() {
        return new Sender(Map.of());
    }

    /** A writer presenting {@code deviceId} to the ITS {@code its}. */
    public static Sender of(String its, long deviceId) {
        return new Sender(Map.of(its, deviceId));
    }

    /**
     * The requester {@code rid} behind a root complex with {@code map}: for each ITS of the GIC, the
     * DeviceID of the first row for that ITS whose range holds the masked requester id. Where no row
     * holds it, or the lookup fails on a row the mask makes unreachable, the requester presents no
     * DeviceID to that ITS (the kernel's pass-through of the raw id is its own guess, not the wiring).
     */
    public static Sender fromMsiMap(GicModel gic, MsiMap map, long rid) {
        Map<String, Long> ids = new TreeMap<>();
        for (ItsModel its : gic.its()) {
            MsiMapLookup found = map.lookup(rid, its.name());
            if (found instanceof MsiMapLookup.Mapped) {
                ids.put(its.name(), ((MsiMapLookup.Mapped) found).deviceId());
            }
        }
        return new Sender(ids);
    }

    public OptionalLong deviceId(String its) {
        Long id = deviceIds.get(its);
        return id == null ? OptionalLong.empty() : OptionalLong.of(id);
    }
}
