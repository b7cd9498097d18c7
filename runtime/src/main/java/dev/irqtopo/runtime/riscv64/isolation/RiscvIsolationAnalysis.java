package dev.irqtopo.runtime.riscv64.isolation;

import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.RiscvPlatformModel;
import dev.irqtopo.model.StorageModel;
import dev.irqtopo.model.riscv.MsiTranslationMode;
import dev.irqtopo.model.riscv.RiscvGuestModel;
import dev.irqtopo.runtime.message.Hex;
import dev.irqtopo.runtime.riommu.DeviceBus;
import dev.irqtopo.runtime.riommu.Reach;
import dev.irqtopo.runtime.riommu.Reached;
import dev.irqtopo.runtime.riommu.Route;
import dev.irqtopo.runtime.riommu.Target;
import dev.irqtopo.runtime.riscv64.DeviceTranslation;
import dev.irqtopo.runtime.riscv64.RiscvPlatform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The exact isolation verdict of a booted riscv64 platform. The attacker is a guest: a function
 * assigned to it writes, by DMA, any value to any address; a sub-device writes only what its untrapped
 * storages hold, which the guest fills at will, through its parent's device context. {@link Reach}
 * gives, from the device context and the second stage alone, every file, MRIF and notice identity such
 * a writer makes pending with its lowest write. Ownership: the host's machine- and supervisor-level
 * files are the host's, a guest file is the guest's whose vCPU it backs, an MRIF the guest's whose vCPU
 * it serves — within a file any identity passes, so reaching a file reaches its owner. A notice MSI
 * reaches exactly its (file, identity), whose taker is the victim. Each target another owner holds is
 * a breach; one finding per victim, with the lowest write.
 */
public final class RiscvIsolationAnalysis {

    private RiscvIsolationAnalysis() {
    }

    public static RiscvIsolationReport analyze(RiscvPlatform platform) {
        RiscvPlatformModel model = platform.model();
        List<RiscvFinding> findings = new ArrayList<>();
        List<RiscvAssignment> assignments = new ArrayList<>();
        for (RiscvGuestModel guest : model.guests()) {
            for (DeviceModel device : platform.devicesOf(guest.name())) {
                List<Reached> reach = reach(platform, device);
                List<RiscvFinding> through = new ArrayList<>();
                for (String means : means(model, device)) {
                    through.addAll(attack(platform, guest, device, means, reach));
                }
                findings.addAll(through);
                assignments.add(assignment(platform, guest, device, reach, through.isEmpty()));
            }
        }
        return new RiscvIsolationReport(model.name(), model.expectedVerdict(), findings, assignments);
    }

    /**
     * What {@code device}'s writes can make pending, symbolically: each file, MRIF and notice identity
     * once, with its lowest write ({@link Reach#lowestOfEach}), which is all the verdict needs.
     */
    public static List<Reached> reach(RiscvPlatform platform, DeviceModel device) {
        DeviceTranslation t = platform.translation(device);
        return Reach.lowestOfEach(new DeviceBus(t.caps(), platform.imsics()), t.context(), t.stage());
    }

    /** The kernel whose {@code reached} is: a file's owner, an MRIF's guest, a notice identity's taker. */
    public static String victim(RiscvPlatform platform, Reached reached) {
        if (reached.target() instanceof Target.FileIdentity fi) {
            return reached.via() == Route.NOTICE ? platform.take(fi.file(), fi.identity()).kernel()
                    : platform.fileOwner(fi.file());
        }
        return platform.mrifOwner(((Target.MrifBit) reached.target()).mrif()).orElse(RiscvPlatform.NOBODY);
    }

    /** {@code dma} for a function; for a sub-device, each storage the VMM does not trap, in declaration order. */
    static List<String> means(RiscvPlatformModel model, DeviceModel device) {
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

    private static List<RiscvFinding> attack(RiscvPlatform platform, RiscvGuestModel guest, DeviceModel device,
                                             String means, List<Reached> reach) {
        DeviceTranslation t = platform.translation(device);
        Map<String, RiscvFinding> lowest = new LinkedHashMap<>();
        for (Reached reached : reach) {
            String victim = victim(platform, reached);
            if (victim.equals(guest.name()) || victim.equals(RiscvPlatform.NOBODY)) {
                continue;
            }
            RiscvFinding previous = lowest.get(victim);
            if (previous != null && previous.message().compareTo(reached.lowest()) <= 0) {
                continue;
            }
            RiscvFindingClass kind = reached.via() == Route.NOTICE ? RiscvFindingClass.MRIF_NOTICE
                    : t.translatesMsis() ? RiscvFindingClass.FILE_SHARED : RiscvFindingClass.NO_MSI_TRANSLATION;
            int identity = reached.target() instanceof Target.FileIdentity fi ? fi.identity()
                    : ((Target.MrifBit) reached.target()).identity();
            lowest.put(victim, new RiscvFinding(guest.name(), device.name(), means, victim, kind, reached.lowest(),
                    device.iommuRequesterId(), target(reached.target()), identity, reached.via().word(),
                    RiscvPath.of(platform, device, means, reached)));
        }
        List<RiscvFinding> ordered = new ArrayList<>();
        if (lowest.containsKey(RiscvPlatform.HOST)) {
            ordered.add(lowest.get(RiscvPlatform.HOST));
        }
        platform.model().guests().forEach(g -> {
            if (lowest.containsKey(g.name())) {
                ordered.add(lowest.get(g.name()));
            }
        });
        return ordered;
    }

    /** {@code hart0.supervisor}, {@code mrif 0x000110000000}. */
    static String target(Target target) {
        return target instanceof Target.FileIdentity fi ? fi.file().word()
                : "mrif 0x" + Hex.of(((Target.MrifBit) target).mrif(), 12);
    }

    private static RiscvAssignment assignment(RiscvPlatform platform, RiscvGuestModel guest, DeviceModel device,
                                              List<Reached> reach, boolean isolated) {
        DeviceTranslation t = platform.translation(device);
        Set<String> reaches = new LinkedHashSet<>();
        // a notice reaches one identity of a host file, not the file: name the identity
        reach.forEach(r -> reaches.add(r.via() == Route.NOTICE && r.target() instanceof Target.FileIdentity fi
                ? fi.file().word() + " identity " + fi.identity() + " (notice)" : target(r.target())));
        boolean irqbypass = t.iommu().isPresent() && platform.iommuCovering(device).orElseThrow().msi()
                == MsiTranslationMode.FLAT;
        return new RiscvAssignment(guest.name(), device.name(), device.iommuRequesterId(), t.iommu(), t.word(),
                t.contextOwner(), new ArrayList<>(reaches), false, irqbypass, isolated);
    }
}
