package dev.irqtopo.runtime.isolation;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.GuestModel;
import dev.irqtopo.model.HypervisorModel;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.StorageModel;
import dev.irqtopo.runtime.Kernel;
import dev.irqtopo.runtime.Platform;
import dev.irqtopo.runtime.delivery.ReachIndex;
import dev.irqtopo.runtime.delivery.Reached;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.remap.Passage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides isolation on a booted platform. The attacker is a guest, and it controls what the devices
 * assigned to it emit: a function (a device with its own requester id) does whatever DMA the guest's
 * driver programs, so it can emit any message; a sub-device's DMA carries its PASID and is never an
 * interrupt, so it emits only what the guest writes into its storages that the hypervisor does not
 * trap, with its parent's requester id. Rather than trying messages, the analysis asks the hardware
 * for everything each such device can reach ({@link ReachIndex}), with the lowest message per victim.
 *
 * <p>Beside the exact verdict it gives Linux's: whether VFIO would assign each device without
 * {@code allow_unsafe_interrupts}, which it does when every device of the device's IOMMU group has an
 * interrupt-remapping domain on its MSI path, whatever that domain really checks.
 */
public final class IsolationAnalysis {

    private final Platform platform;
    private final PlatformModel model;
    private final HypervisorModel hypervisor;
    /** Victims in report order: the host, then the guests in declaration order. */
    private final List<String> kernels = new ArrayList<>();
    /** Made when the first attacker needs it: a platform without one routes nothing. */
    private ReachIndex reach;

    private IsolationAnalysis(Platform platform) {
        this.platform = platform;
        this.model = platform.model();
        this.hypervisor = model.hypervisor().orElse(null);
        kernels.add(Kernel.HOST);
        model.guests().forEach(guest -> kernels.add(guest.name()));
    }

    public static IsolationReport analyze(Platform platform) {
        return new IsolationAnalysis(platform).run();
    }

    private IsolationReport run() {
        Map<String, List<DeviceModel>> assigned = assignedDevices();
        IommuGroups groups = new IommuGroups(model);
        List<Finding> findings = new ArrayList<>();
        List<Assignment> assignments = new ArrayList<>();
        for (GuestModel guest : model.guests()) {
            for (DeviceModel device : assigned.getOrDefault(guest.name(), List.of())) {
                boolean isolated = breaches(guest, device, findings) == 0;
                assignments.add(new Assignment(guest.name(), device.name(), device.iommuRequesterId(),
                        groups.remappingUnit(device).map(IommuModel::name), groups.hasIsolatedMsi(device),
                        groups.wholeIn(device, guest.name()), isolated));
            }
        }
        return new IsolationReport(model.name(), model.expectedVerdict(), findings, assignments);
    }

    /** Each guest's devices in declaration order, found in one walk of the devices. */
    private Map<String, List<DeviceModel>> assignedDevices() {
        Map<String, String> owner = new HashMap<>();
        for (GuestModel guest : model.guests()) {
            guest.devices().forEach(device -> owner.putIfAbsent(device, guest.name()));
        }
        Map<String, List<DeviceModel>> assigned = new HashMap<>();
        for (DeviceModel device : model.devices()) {
            String guest = owner.get(device.name());
            if (guest != null) {
                assigned.computeIfAbsent(guest, g -> new ArrayList<>()).add(device);
            }
        }
        return assigned;
    }

    /** Adds the guest's findings through {@code device}, in means then victim order; returns how many. */
    private int breaches(GuestModel guest, DeviceModel device, List<Finding> findings) {
        List<Means> means = means(device);
        if (means.isEmpty()) {
            return 0;
        }
        List<Reached> reached = reach().reached(device.name());
        int guestVictim = reach.victims().number(guest.name());
        int found = 0;
        for (Means m : means) {
            for (Reached r : reached) {
                if (r.victim() == guestVictim) {
                    continue;
                }
                findings.add(new Finding(guest.name(), device.name(), m, reach.victims().name(r.victim()),
                        findingClass(r.passage()), r.special(), r.message(), device.iommuRequesterId(),
                        path(guest, device, m, r.message())));
                found++;
            }
        }
        return found;
    }

    /**
     * How the guest makes the device emit what it wants: a function by DMA; a sub-device by writing
     * into each of its storages that are not trapped (an IMS queue, in guest RAM, never is).
     */
    private List<Means> means(DeviceModel device) {
        if (!device.isSubDevice()) {
            return List.of(Means.DMA);
        }
        List<Means> means = new ArrayList<>();
        for (BusDomainKind busDomain : BusDomainKind.values()) {
            Optional<StorageModel> storage = device.storage(busDomain);
            if (storage.isPresent() && hypervisor.guestWritesReachDevice(storage.get().kind())) {
                means.add(Means.of(busDomain));
            }
        }
        return means;
    }

    private ReachIndex reach() {
        if (reach == null) {
            reach = platform.hardware().reachIndex(kernels);
        }
        return reach;
    }

    static FindingClass findingClass(Passage passage) {
        return switch (passage) {
            case NO_REMAPPING -> FindingClass.NO_REMAPPING;
            case COMPATIBILITY_FORMAT -> FindingClass.COMPATIBILITY_FORMAT;
            case SOURCE_UNCHECKED -> FindingClass.SOURCE_CHECK_OFF;
            case SOURCE_BUS_ONLY -> FindingClass.SOURCE_CHECK_BUS;
            case SAME_REQUESTER_ID -> FindingClass.SHARED_REQUESTER_ID;
        };
    }

    private List<String> path(GuestModel guest, DeviceModel device, Means means, Message message) {
        List<String> path = new ArrayList<>();
        if (means == Means.DMA) {
            path.add(guest.name() + " programs the DMA of " + device.name() + " to write " + message
                    + " (a function it drives may write anything)");
            path.add(device.name() + " emits it with requester id " + device.requesterId());
        } else {
            path.add(guest.name() + " writes " + message + " into " + device.name() + " " + means.keyword() + " slot 0");
            path.add(device.name() + " emits it with requester id " + device.requesterId() + " (PASID " + device.pasid()
                    + ", which interrupt remapping does not see)");
        }
        device.bridge().ifPresent(bridge -> path.add("behind bridge " + bridge.name() + " the IOMMU sees it as "
                + bridge.alias() + ", the bridge's alias"));
        path.addAll(platform.hardware().trace(device.name(), message).steps());
        return path;
    }
}
