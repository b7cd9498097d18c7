package dev.irqtopo.runtime.gic;

import dev.irqtopo.model.arm.ItsModel;
import dev.irqtopo.model.arm.V2mFrameModel;
import dev.irqtopo.runtime.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Everything a sender can raise by writing whatever data it likes to the addresses it can write,
 * computed from the tables rather than by trying messages:
 * <ul>
 *   <li>each ITS whose doorbell it can write, that is enabled and to which it presents a DeviceID that
 *       fits and is mapped: every entry of that DeviceID's ITT whose collection is mapped, as the LPI at
 *       the collection's CPU; the lowest message is (doorbell, EventID), since a larger data value
 *       reaches the same entry only through EventID bits above ID_bits, which are then ignored;</li>
 *   <li>each GICv2m frame whose doorbell it can write, whatever its identity: every SPI Linux has
 *       allocated in the frame, with message (doorbell, SPI). The frame raises its unallocated SPIs
 *       too, but no driver owns them.</li>
 * </ul>
 * The same interrupt reached through several units keeps the lowest message. The answer is in
 * interrupt order.
 */
public final class Reach {

    private Reach() {
    }

    public static List<Reached> of(Gic gic, V2mAllocator v2m, Sender sender, Doorbells doorbells) {
        Map<GicInterrupt, Reached> lowest = new TreeMap<>();
        // only the units the sender presents a DeviceID to, not every ITS of the GIC: the answer does not
        // depend on the order, since no two units share a doorbell and so no two messages tie
        sender.deviceIds().forEach((name, deviceId) -> gic.its(name).ifPresent(its -> {
            ItsModel model = its.model();
            if (!doorbells.permits(model.doorbell()) || !its.enabled() || !model.fitsDeviceId(deviceId)) {
                return;
            }
            its.itt(deviceId).ifPresent(itt -> itt.entries().forEach((event, ite) -> {
                OptionalInt cpu = its.collectionTarget(ite.icid());
                if (cpu.isPresent()) {
                    keepLowest(lowest, new Reached(new GicInterrupt.Lpi(ite.lpi(), cpu.getAsInt()), its.name(),
                            Message.of(model.doorbell(), (int) (long) event)));
                }
            }));
        }));
        for (V2mFrameModel frame : gic.frames()) {
            if (!doorbells.permits(frame.doorbell())) {
                continue;
            }
            for (int spi : v2m.allocated(frame)) {
                keepLowest(lowest, new Reached(new GicInterrupt.Spi(spi), frame.name(), Message.of(frame.doorbell(), spi)));
            }
        }
        return new ArrayList<>(lowest.values());
    }

    private static void keepLowest(Map<GicInterrupt, Reached> lowest, Reached candidate) {
        lowest.merge(candidate.interrupt(), candidate, (a, b) -> a.lowest().compareTo(b.lowest()) <= 0 ? a : b);
    }
}
