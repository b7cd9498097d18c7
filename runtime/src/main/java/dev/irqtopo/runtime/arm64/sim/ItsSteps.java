package dev.irqtopo.runtime.arm64.sim;

import dev.irqtopo.model.arm.EventIdOverflow;
import dev.irqtopo.runtime.gic.Ite;
import dev.irqtopo.runtime.gic.Its;
import dev.irqtopo.runtime.gic.Itt;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.IntFunction;

/**
 * What an ITS does with a write to its GITS_TRANSLATER, in words, check by check in the order
 * {@link Its#translate} makes them: enabled, DeviceID, device table, EventID bits, ITT range, entry,
 * collection.
 */
final class ItsSteps {

    private ItsSteps() {
    }

    /**
     * @param name  the ITS as the steps name it: {@code its0}, {@code vm0's its}
     * @param mpidr the affinity of a CPU (a vCPU for a guest's vITS)
     * @param cpu   {@code CPU} or {@code vCPU}
     */
    static void translate(Its its, String name, OptionalLong deviceId, int data, IntFunction<String> mpidr, String cpu,
                          List<String> steps) {
        String unit = name + " (GITS_TRANSLATER)";
        if (!its.enabled()) {
            steps.add(unit + " is disabled (GITS_CTLR.Enabled = 0): ignored, its_disabled");
            return;
        }
        if (deviceId.isEmpty()) {
            steps.add(unit + ": the write presents no DeviceID to " + name + ": ignored, no_device_id");
            return;
        }
        long id = deviceId.getAsLong();
        String device = "DeviceID 0x" + Long.toHexString(id);
        if (!its.model().fitsDeviceId(id)) {
            steps.add(unit + " reads " + device + ", beyond its " + its.model().deviceIdBits()
                    + " DeviceID bits: ignored, device_id_too_large");
            return;
        }
        Optional<Itt> itt = its.itt(id);
        if (itt.isEmpty()) {
            steps.add(unit + " reads " + device + "; the device table has no valid entry for it (no MAPD):"
                    + " ignored, device_id_unmapped");
            return;
        }
        int bits = itt.get().eventIdBits();
        steps.add(unit + " reads " + device + "; the device table maps it to an ITT of " + (1L << bits)
                + " EventIDs (MAPD Size " + (bits - 1) + ")");
        long eventId = Integer.toUnsignedLong(data);
        if (eventId >>> its.model().eventIdBits() != 0) {
            if (its.model().eventIdOverflow() == EventIdOverflow.WRITE_IGNORED) {
                steps.add("EventID 0x" + Long.toHexString(eventId) + " has bits above the ITS's "
                        + its.model().eventIdBits() + " ID bits: ignored, event_id_bits_unsupported");
                return;
            }
            long low = eventId & (its.model().eventIds() - 1);
            steps.add("EventID 0x" + Long.toHexString(eventId) + " has bits above the ITS's " + its.model().eventIdBits()
                    + " ID bits, which it ignores: EventID " + low);
            eventId = low;
        }
        if (!itt.get().covers(eventId)) {
            steps.add("EventID " + eventId + " is beyond the ITT's " + (1L << bits) + " entries: ignored, event_id_out_of_range");
            return;
        }
        Ite ite = itt.get().entries().get(eventId);
        if (ite == null) {
            steps.add(name + "'s ITT for " + device + " has no entry for EventID " + eventId + " (no MAPTI): ignored, event_id_unmapped");
            return;
        }
        steps.add(name + "'s ITT for " + device + " maps EventID " + eventId + " to LPI " + ite.lpi() + " (pINTID) in collection " + ite.icid());
        OptionalInt target = its.collectionTarget(ite.icid());
        if (target.isEmpty()) {
            steps.add(name + "'s collection " + ite.icid() + " is not mapped (no MAPC): ignored, collection_unmapped");
            return;
        }
        int c = target.getAsInt();
        steps.add(name + "'s collection " + ite.icid() + " targets the redistributor of " + cpu + " " + c + " (" + mpidr.apply(c)
                + "): LPI " + ite.lpi() + " is raised there");
    }
}
