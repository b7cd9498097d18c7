package dev.irqtopo.runtime.arm64.isolation;

import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.StorageModel;
import dev.irqtopo.model.arm.Arm64GuestModel;
import dev.irqtopo.runtime.arm64.Arm64Platform;
import dev.irqtopo.runtime.arm64.DeviceDma;
import dev.irqtopo.runtime.gic.Doorbells;
import dev.irqtopo.runtime.gic.Reach;
import dev.irqtopo.runtime.gic.Reached;
import dev.irqtopo.runtime.gic.Sender;
import dev.irqtopo.runtime.message.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The exact isolation verdict of a booted arm64 platform. The attacker is a guest: a function assigned
 * to it writes, by DMA, any value to any address; a sub-device writes only what its storages the VMM
 * does not trap hold, which the guest fills at will, with its parent's requester id. The writes reach
 * every doorbell without an SMMU on the device's bus, and with one only the device's own controller's
 * doorbell page ({@code iommu_dma_prepare_msi} maps just that). {@link Reach} gives every interrupt
 * such a writer raises with its lowest message; each one another owner takes (a host stack, or the
 * host interrupt backing another guest's vector, vLPIs included) is a breach.
 */
public final class Arm64IsolationAnalysis {

    private Arm64IsolationAnalysis() {
    }

    public static Arm64IsolationReport analyze(Arm64Platform platform) {
        Arm64PlatformModel model = platform.model();
        List<Arm64Finding> findings = new ArrayList<>();
        List<Arm64Assignment> assignments = new ArrayList<>();
        // each guest's devices in bus declaration order, and the functions the SMMU sees as one requester
        Map<String, List<DeviceModel>> owned = new LinkedHashMap<>();
        model.guests().forEach(g -> owned.put(g.name(), new ArrayList<>()));
        Map<String, List<String>> ownersOf = new HashMap<>();
        model.guests().forEach(g -> g.devices().forEach(d -> ownersOf.computeIfAbsent(d, k -> new ArrayList<>()).add(g.name())));
        Map<List<Object>, List<DeviceModel>> groups = new HashMap<>();
        for (DeviceModel device : model.devices()) {
            ownersOf.getOrDefault(device.name(), List.of()).forEach(g -> owned.get(g).add(device));
            if (!device.isSubDevice()) {
                groups.computeIfAbsent(group(device), k -> new ArrayList<>()).add(device);
            }
        }
        Map<String, List<Integer>> order = victimOrder(model);
        for (Arm64GuestModel guest : model.guests()) {
            Set<String> mine = new HashSet<>(guest.devices());
            for (DeviceModel device : owned.get(guest.name())) {
                Writer writer = Writer.of(platform, device);
                List<Arm64Finding> through = new ArrayList<>();
                for (String means : means(model, device)) {
                    through.addAll(attack(platform, guest, writer, means, order));
                }
                findings.addAll(through);
                assignments.add(assignment(platform, guest, writer, through.isEmpty(), mine, groups.get(group(device))));
            }
        }
        return new Arm64IsolationReport(model.name(), model.expectedVerdict(), findings, assignments);
    }

    /**
     * What the analysis asks the platform about a device, asked once: its own MSI controller, how its
     * writes are translated, where they can go and the DeviceIDs they present.
     */
    private record Writer(DeviceModel device, Optional<String> own, DeviceDma dma, Sender sender, Doorbells doorbells) {

        static Writer of(Arm64Platform platform, DeviceModel device) {
            return new Writer(device, platform.ownController(device), platform.dma(device), platform.sender(device),
                    platform.doorbells(device));
        }
    }

    /**
     * Where each victim's finding goes in a writer's list: the host first, then the guests in declaration
     * order (a name at every place it holds), worked out once rather than walking every guest per writer.
     */
    private static Map<String, List<Integer>> victimOrder(Arm64PlatformModel model) {
        Map<String, List<Integer>> order = new HashMap<>();
        order.computeIfAbsent(Arm64Platform.HOST, k -> new ArrayList<>()).add(-1);
        List<Arm64GuestModel> guests = model.guests();
        for (int g = 0; g < guests.size(); g++) {
            order.computeIfAbsent(guests.get(g).name(), k -> new ArrayList<>()).add(g);
        }
        return order;
    }

    /** {@code dma} for a function; for a sub-device, each storage the VMM does not trap, in declaration order. */
    static List<String> means(Arm64PlatformModel model, DeviceModel device) {
        if (!device.isSubDevice()) {
            return List.of("dma");
        }
        List<String> means = new ArrayList<>();
        for (StorageModel storage : device.storages()) {
            if (!model.hypervisor().orElseThrow().traps(storage.kind())) {
                means.add(storage.kind().busDomain().keyword());
            }
        }
        return means;
    }

    /** The findings of one writer, one per victim with its lowest message, the host first, then guests. */
    private static List<Arm64Finding> attack(Arm64Platform platform, Arm64GuestModel guest, Writer writer, String means,
                                             Map<String, List<Integer>> order) {
        DeviceModel device = writer.device();
        DeviceDma dma = writer.dma();
        Optional<String> own = writer.own();
        Map<String, Arm64Finding> lowest = new HashMap<>();
        for (Reached reached : Reach.of(platform.gic(), platform.v2m(), writer.sender(), writer.doorbells())) {
            Optional<String> victim = platform.owner(reached.interrupt().intid());
            if (victim.isEmpty() || victim.get().equals(guest.name())) {
                continue;
            }
            Message physical = reached.lowest();
            Message written = Message.of(dma.addressOf(physical.address()).orElseThrow(), physical.data());
            Arm64Finding previous = lowest.get(victim.get());
            if (previous != null && previous.message().compareTo(written) <= 0) {
                continue;
            }
            Arm64FindingClass kind = reached.interrupt().kind().equals("spi") ? Arm64FindingClass.NO_DEVICE_IDENTITY
                    : own.isPresent() && own.get().equals(reached.unit()) ? Arm64FindingClass.SHARED_DEVICE_ID
                    : Arm64FindingClass.FOREIGN_ITS;
            OptionalLong deviceId = kind == Arm64FindingClass.NO_DEVICE_IDENTITY ? OptionalLong.empty()
                    : writer.sender().deviceId(reached.unit());
            lowest.put(victim.get(), new Arm64Finding(guest.name(), device.name(), means, victim.get(), kind, written,
                    device.iommuRequesterId(), reached.unit(), deviceId, reached.interrupt().intid(),
                    Arm64Path.of(platform, device, means, written, physical, reached, deviceId)));
        }
        if (lowest.isEmpty()) {
            return List.of();
        }
        SortedMap<Integer, Arm64Finding> ordered = new TreeMap<>();
        lowest.forEach((victim, finding) -> order.getOrDefault(victim, List.of()).forEach(at -> ordered.put(at, finding)));
        return new ArrayList<>(ordered.values());
    }

    /** The IOMMU group a function falls in: its bus and the requester id the SMMU sees. */
    private static List<Object> group(DeviceModel device) {
        return List.of(device.bus(), device.iommuRequesterId());
    }

    /**
     * @param mine  the names of the devices assigned to the guest
     * @param group the functions of the device's IOMMU group (none for a sub-device)
     */
    private static Arm64Assignment assignment(Arm64Platform platform, Arm64GuestModel guest, Writer writer,
                                              boolean isolated, Set<String> mine, List<DeviceModel> group) {
        DeviceModel device = writer.device();
        Optional<String> controller = writer.own();
        boolean linux = controller.map(c -> platform.gic().isolatedMsi(c)).orElse(false);
        boolean smmu = platform.model().smmuCovers(device);
        boolean viable = smmu && (device.isSubDevice() || group.stream().allMatch(d -> mine.contains(d.name())));
        OptionalLong deviceId = controller.isPresent() && platform.gic().its(controller.get()).isPresent()
                ? writer.sender().deviceId(controller.get()) : OptionalLong.empty();
        return new Arm64Assignment(guest.name(), device.name(), device.iommuRequesterId(), controller, deviceId, smmu,
                linux, viable, isolated);
    }
}
