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
import dev.irqtopo.runtime.ReachIndex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Decides isolation on a booted platform. A guest can write any message into every storage of every
 * device assigned to it that the hypervisor does not trap (an IMS queue always), whether or not it
 * declared a stack for it, and make the device fire. Rather than trying messages, the analysis asks
 * the hardware for every destination the device's messages can land on (each remap entry its
 * requester id may use, and each host CPU vector compatibility format can name) with the lowest
 * message landing there, and attributes each to its owner: a guest for what is forwarded or posted to
 * it, the host for everything else on a host CPU, its own vectors included. Faults, memory writes and
 * messages that reach no CPU harm nobody.
 *
 * <p>Every destination is routed and attributed once per analysis ({@link ReachIndex}); per device
 * only the lowest message per victim is looked up, and counterexamples are traced for findings only.
 */
public final class IsolationAnalysis {

    private final Platform platform;
    private final HypervisorModel hypervisor;
    /** Victims in report order: the host, then the guests in declaration order. */
    private final List<String> victims;
    private final Map<String, Integer> victimNumbers = new HashMap<>();
    /** Made when the first guest-writable storage needs it: a platform where none exists routes nothing. */
    private ReachIndex reach;

    private IsolationAnalysis(Platform platform) {
        this.platform = platform;
        this.hypervisor = platform.model().hypervisor().orElse(null);
        this.victims = victimOrder(platform.model());
        for (int i = 0; i < victims.size(); i++) {
            victimNumbers.put(victims.get(i), i);
        }
    }

    public static IsolationReport analyze(Platform platform) {
        return new IsolationAnalysis(platform).run();
    }

    private IsolationReport run() {
        PlatformModel model = platform.model();
        List<DeviceModel> devices = model.devices();
        Map<String, Integer> declared = new HashMap<>();
        for (int i = 0; i < devices.size(); i++) {
            declared.putIfAbsent(devices.get(i).name(), i);
        }
        List<Finding> findings = new ArrayList<>();
        for (GuestModel guest : model.guests()) {
            // the guest's devices in declaration order, found by name rather than by a walk of every device
            int[] own = guest.devices().stream().map(declared::get).filter(Objects::nonNull)
                    .mapToInt(Integer::intValue).distinct().sorted().toArray();
            for (int i : own) {
                breaches(guest, devices.get(i), findings);
            }
        }
        return new IsolationReport(model.name(), model.expectedVerdict(), findings, List.of());
    }

    private void breaches(GuestModel guest, DeviceModel device, List<Finding> findings) {
        // the victims the device reaches, in victim order: a walk of every victim for every device
        // would cost devices times guests
        SortedMap<Integer, Message> lowest = null;
        for (BusDomainKind busDomain : BusDomainKind.values()) {
            Optional<StorageModel> storage = device.storage(busDomain);
            if (storage.isEmpty() || !guestWritable(storage.get().kind(), hypervisor)) {
                continue;
            }
            if (lowest == null) {
                lowest = reach().lowestByOwner(device.name());
            }
            for (Map.Entry<Integer, Message> reached : lowest.entrySet()) {
                String victim = victims.get(reached.getKey());
                if (!victim.equals(guest.name())) {
                    findings.add(new Finding(guest.name(), device.name(), Means.of(busDomain), victim, FindingClass.SHARED_REQUESTER_ID, List.of(), reached.getValue(),
                            device.requesterId(), path(guest, device, busDomain, reached.getValue())));
                }
            }
        }
    }

    private ReachIndex reach() {
        if (reach == null) {
            reach = platform.hardware().reachIndex(this::victimNumber, victims.size());
        }
        return reach;
    }

    /** The victim's position in {@link #victims}, or -1 when the delivery harms nobody. */
    private int victimNumber(Delivery delivery) {
        String victim = victim(delivery);
        return victim == null ? -1 : victimNumbers.get(victim);
    }

    /** The storages whose stores reach the device unchanged: never trapped (IMS queue) or not trapped by this hypervisor. */
    static boolean guestWritable(StorageKind storage, HypervisorModel hypervisor) {
        return storage == StorageKind.IMS_QUEUE || !hypervisor.traps(storage);
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

    private List<String> path(GuestModel guest, DeviceModel device, BusDomainKind busDomain, Message message) {
        List<String> path = new ArrayList<>();
        path.add(guest.name() + " writes " + message + " into " + device.name() + " " + busDomain.keyword() + " slot 0");
        path.add(device.isSubDevice()
                ? device.name() + " emits it with requester id " + device.requesterId() + " (PASID " + device.pasid()
                        + ", which interrupt remapping does not see)"
                : device.name() + " emits it with requester id " + device.requesterId());
        path.addAll(platform.hardware().trace(device.name(), message).steps());
        return path;
    }
}
