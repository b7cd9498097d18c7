package dev.irqtopo.runtime.isolation;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.GuestModel;
import dev.irqtopo.model.HypervisorModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.StorageModel;
import dev.irqtopo.runtime.Delivery;
import dev.irqtopo.runtime.Kernel;
import dev.irqtopo.runtime.Message;
import dev.irqtopo.runtime.Platform;
import dev.irqtopo.runtime.Reach;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides isolation on a booted platform. A guest can write any message into every storage of every
 * device assigned to it that the hypervisor does not trap (an IMS queue always), whether or not it
 * declared a stack for it, and make the device fire. Rather than trying messages, the analysis asks
 * the hardware for every destination the device's messages can land on (each remap entry its
 * requester id may use, and each host CPU vector compatibility format can name) with the lowest
 * message landing there, and attributes each to its owner: a guest for what is forwarded or posted to
 * it, the host for everything else on a host CPU, its own vectors included. Faults, memory writes and
 * messages that reach no CPU harm nobody.
 */
public final class IsolationAnalysis {

    private IsolationAnalysis() {
    }

    public static IsolationReport analyze(Platform platform) {
        PlatformModel model = platform.model();
        List<DeviceModel> devices = model.devices();
        Map<String, Integer> declared = new HashMap<>();
        for (int i = 0; i < devices.size(); i++) {
            declared.putIfAbsent(devices.get(i).name(), i);
        }
        List<String> victims = victimOrder(model);
        List<Finding> findings = new ArrayList<>();
        for (GuestModel guest : model.guests()) {
            // the guest's devices in declaration order, found by name rather than by a walk of every device
            int[] own = guest.devices().stream().map(declared::get).filter(Objects::nonNull)
                    .mapToInt(Integer::intValue).distinct().sorted().toArray();
            for (int i : own) {
                findings.addAll(breaches(platform, guest, devices.get(i), victims));
            }
        }
        return new IsolationReport(model.name(), findings);
    }

    private static List<Finding> breaches(Platform platform, GuestModel guest, DeviceModel device, List<String> victims) {
        HypervisorModel hypervisor = platform.model().hypervisor().orElseThrow();
        List<Finding> findings = new ArrayList<>();
        List<Reach> reach = null;
        for (BusDomainKind busDomain : BusDomainKind.values()) {
            Optional<StorageModel> storage = device.storage(busDomain);
            if (storage.isEmpty() || !guestWritable(storage.get().kind(), hypervisor)) {
                continue;
            }
            if (reach == null) {
                reach = platform.hardware().reach(device.name());
            }
            Map<String, Message> lowest = lowestPerVictim(reach, guest.name());
            for (String victim : victims) {
                Message message = lowest.get(victim);
                if (message != null) {
                    findings.add(new Finding(guest.name(), device.name(), busDomain, victim, message, device.requesterId(),
                            path(platform, guest, device, busDomain, message)));
                }
            }
        }
        return findings;
    }

    /** The storages whose stores reach the device unchanged: never trapped (IMS queue) or not trapped by this hypervisor. */
    static boolean guestWritable(StorageKind storage, HypervisorModel hypervisor) {
        return storage == StorageKind.IMS_QUEUE || !hypervisor.traps(storage);
    }

    private static Map<String, Message> lowestPerVictim(List<Reach> reach, String guest) {
        Map<String, Message> lowest = new HashMap<>();
        for (Reach r : reach) {
            String victim = victim(r.delivery());
            if (victim != null && !victim.equals(guest)) {
                lowest.merge(victim, r.message(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        return lowest;
    }

    /**
     * Whose interrupt a delivery hits: the kernel whose handler ran (an injected or posted guest
     * vector belongs to that guest), the host for a vector on a host CPU that nobody owns; nobody for
     * faults, memory writes and messages no CPU receives.
     */
    static String victim(Delivery delivery) {
        if (delivery instanceof Delivery.Delivered delivered) {
            return delivered.kernel();
        }
        if (delivery instanceof Delivery.Spurious spurious && spurious.cpu().isPresent()) {
            return Kernel.HOST;
        }
        return null;
    }

    private static List<String> victimOrder(PlatformModel model) {
        List<String> order = new ArrayList<>();
        order.add(Kernel.HOST);
        for (GuestModel guest : model.guests()) {
            order.add(guest.name());
        }
        return order;
    }

    private static List<String> path(Platform platform, GuestModel guest, DeviceModel device, BusDomainKind busDomain,
                                     Message message) {
        List<String> path = new ArrayList<>();
        path.add(String.format("%s writes %s into %s %s slot 0", guest.name(), message, device.name(), busDomain.keyword()));
        path.add(device.isSubDevice()
                ? String.format("%s emits it with requester id %s (PASID %d, which interrupt remapping does not see)",
                        device.name(), device.requesterId(), device.pasid())
                : String.format("%s emits it with requester id %s", device.name(), device.requesterId()));
        path.addAll(platform.hardware().trace(device.name(), message).steps());
        return path;
    }
}
