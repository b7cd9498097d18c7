package dev.irqtopo.runtime.gic;

import dev.irqtopo.model.arm.GicModel;
import dev.irqtopo.model.arm.MsiMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
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
        Set<String> its = new HashSet<>();
        gic.its().forEach(u -> its.add(u.name()));
        return fromMsiMap(its, map, rid);
    }

    /**
     * {@link #fromMsiMap(GicModel, MsiMap, long)} given the names of the GIC's ITS units, which a
     * platform asking for each of its devices works out once: one walk over the rows, whatever the
     * number of ITS units.
     */
    public static Sender fromMsiMap(Set<String> its, MsiMap map, long rid) {
        return new Sender(map.deviceIds(rid, its));
    }

    public OptionalLong deviceId(String its) {
        Long id = deviceIds.get(its);
        return id == null ? OptionalLong.empty() : OptionalLong.of(id);
    }
}
